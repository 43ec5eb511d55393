import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const manifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { version: string; engines?: { node?: string } }

/** Electron supports its latest three majors; 45 is the newest as of this review, so 43 is the oldest still getting fixes. */
const OLDEST_SUPPORTED_ELECTRON = 43

/** The lowest Node version a range like ">=22.12" or "^20.19.0 || >=22.12.0" lets through its strictest branch. */
function floor(range: string): [number, number] {
  const versions = [...range.matchAll(/>=\s*(\d+)\.(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as [number, number])
  return versions.sort((a, b) => b[0] - a[0] || b[1] - a[1])[0] ?? [0, 0]
}

describe('the toolchain is on a supported line, and engines says what it needs', () => {
  it('pins an Electron major that still gets security fixes', () => {
    const installed = Number(manifest('node_modules/electron/package.json').version.split('.')[0])
    expect(installed).toBeGreaterThanOrEqual(OLDEST_SUPPORTED_ELECTRON)
    const declared = /(\d+)/.exec(
      (manifest('package.json') as unknown as { devDependencies: Record<string, string> }).devDependencies.electron!
    )?.[1]
    expect(Number(declared)).toBeGreaterThanOrEqual(OLDEST_SUPPORTED_ELECTRON)
  })

  it('asks for at least the Node version Electron and @electron/rebuild declare', () => {
    const ours = floor(manifest('package.json').engines!.node!)
    for (const tool of ['electron', '@electron/rebuild']) {
      const theirs = floor(manifest(`node_modules/${tool}/package.json`).engines!.node!)
      expect(ours[0] * 1000 + ours[1], `${tool} needs Node ${theirs.join('.')}`).toBeGreaterThanOrEqual(theirs[0] * 1000 + theirs[1])
    }
  })
})
