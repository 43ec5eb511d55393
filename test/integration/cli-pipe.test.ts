import { spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-dir'

describe('the CLI in a pipe', () => {
  const dir = tempDir()
  afterEach(() => dir.remove())

  it('stops quietly when the reader closes early (quire … | head)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/main.ts', '--data-dir', dir.path, 'invoices', 'list', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // The reader is gone before the CLI's first write, as `head -0` would be.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
    expect(stderr).not.toContain('EPIPE')
    expect(code).toBe(0)
  })
})
