import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { tempDir } from '../helpers/temp-dir'

/**
 * Runs `task` against the renderer built from the tree as it is now, into a temp folder removed
 * afterwards. Not `out/`: that may be stale, or in use by a test run at the same time, and the
 * build takes seconds.
 */
export async function withRendererBuild<T>(task: (rendererDir: string) => Promise<T>): Promise<T> {
  const out = tempDir('quire-bench-build-')
  try {
    const build = spawnSync(join('node_modules', '.bin', 'electron-vite'), ['build', '--outDir', out.path, '--logLevel', 'error'], {
      encoding: 'utf8'
    })
    if (build.status !== 0) throw new Error(`bench: building the renderer failed:\n${build.stdout}${build.stderr}`)
    return await task(join(out.path, 'renderer'))
  } finally {
    out.remove()
  }
}
