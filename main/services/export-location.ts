import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the app puts exports: QUIRE_EXPORT_DIR when set (tests, managed machines), else the
 * person's Downloads folder (what Electron's app.getPath('downloads') names), else a folder in
 * Quire's data dir so an export never fails for want of one.
 */
export function defaultExportDir(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.QUIRE_EXPORT_DIR) return env.QUIRE_EXPORT_DIR
  const downloads = join(homedir(), 'Downloads')
  return existsSync(downloads) ? downloads : join(dataDir, 'exports')
}
