import { join, normalize, sep } from 'node:path'

/**
 * The file inside `root` that a URL path names, or null when the path would leave `root` or
 * cannot be decoded. Both ways of serving the renderer (the app's quire:// protocol and the test
 * host) go through this, so neither can be walked out of the renderer's folder.
 */
export function rendererFile(root: string, pathname: string): string | null {
  let relative: string
  try {
    relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1))
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  const base = normalize(root)
  const file = normalize(join(base, relative))
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null
}
