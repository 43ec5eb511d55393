import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { systemClock } from '../../main/base/clock'
import type { DesktopShell, SaveKind } from '../../main/pdfs/desktop-shell'
import { readZip } from '../helpers/read-zip'
import { openTestCore } from '../helpers/test-core'

describe('logs and diagnostics in the desktop app', () => {
  it('asks where to save the bundle (a ZIP), writes nothing when cancelled, and opens the logs folder', async () => {
    const opened: string[] = []
    const asked: { name: string; kind: SaveKind | undefined }[] = []
    let answer: string | null = null
    const desktop: DesktopShell = {
      openPath: async (path) => {
        opened.push(path)
        return ''
      },
      showItemInFolder: (path) => opened.push(path),
      chooseSavePath: async (name, kind) => {
        asked.push({ name, kind })
        return answer
      }
    }
    const testCore = await openTestCore((dataDir) => ({ clock: systemClock, desktop, exportDir: join(dataDir, 'downloads') }))
    const { core, dir } = testCore
    try {
      expect(core.diagnostics.logLocation().canOpenFolder).toBe(true)
      await core.diagnostics.openLogFolder()
      expect(opened).toEqual([join(dir.path, 'logs')])

      expect(await core.diagnostics.saveBundle({ appVersion: '1.2.3', includeInvoiceDetails: false })).toEqual({ path: null })
      expect(asked[0]!.name).toMatch(/^quire-diagnostics-.*\.zip$/)
      expect(asked[0]!.kind).toMatchObject({ extension: 'zip' })
      expect(existsSync(join(dir.path, 'downloads'))).toBe(false)

      answer = join(dir.path, 'chosen.zip')
      expect(await core.diagnostics.saveBundle({ appVersion: '1.2.3', includeInvoiceDetails: false })).toEqual({ path: answer })
      expect(JSON.parse((await readZip(answer)).get('versions.json')!.toString())).toMatchObject({ app: '1.2.3' })
      expect(readdirSync(dir.path).filter((name) => name.endsWith('.partial'))).toEqual([])
    } finally {
      await testCore.close()
    }
  })
})
