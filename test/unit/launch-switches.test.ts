import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { devServerUrl, refusedSwitches } from '../../main/electron/dev-switches'

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []
  )
}

describe('a packaged app trusts no development switch', () => {
  it('ignores ELECTRON_RENDERER_URL when packaged, and uses it only in a development run', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example/' }
    expect(devServerUrl({ isPackaged: true, env })).toBeNull()
    expect(devServerUrl({ isPackaged: false, env })).toBe('http://evil.example/')
    expect(devServerUrl({ isPackaged: false, env: {} })).toBeNull()
  })

  it('refuses to start packaged with remote-debugging or inspect switches', () => {
    const argv = [
      '/opt/Quire/quire',
      '--remote-debugging-port=9222',
      '--inspect',
      '--inspect-brk=9229',
      '--no-sandbox-is-not-ours',
      '--remote-debugging-pipe'
    ]
    expect(refusedSwitches({ isPackaged: true, argv })).toEqual([
      '--remote-debugging-port=9222',
      '--inspect',
      '--inspect-brk=9229',
      '--remote-debugging-pipe'
    ])
    expect(refusedSwitches({ isPackaged: true, argv: ['/opt/Quire/quire', '--data-dir=x'] })).toEqual([])
    expect(refusedSwitches({ isPackaged: false, argv })).toEqual([])
  })

  it('reads the dev server variable in one place only, so no window or IPC check can bypass the rule', () => {
    const readers = sources('main').filter(
      (file) => readFileSync(file, 'utf8').includes('ELECTRON_RENDERER_URL') && !file.endsWith(join('electron', 'dev-switches.ts'))
    )
    expect(readers).toEqual([])
  })
})
