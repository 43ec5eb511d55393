import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../main/app/create-core'
import type { DesktopShell, SaveKind } from '../../main/pdfs/desktop-shell'
import { MemorySecrets } from '../helpers/memory-secrets'
import { readZip } from '../helpers/read-zip'
import { tempDir } from '../helpers/temp-dir'

describe('logs and diagnostics in the desktop app', () => {
  const dirs: { remove(): void }[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()))

  it('asks where to save the bundle (a ZIP), writes nothing when cancelled, and opens the logs folder', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const opened: string[] = []
    const asked: { name: string; kind: SaveKind | undefined }[] = []
    let answer: string | null = null
    const desktop: DesktopShell = {
      openPath: async (path) => {
        opened.push(path)
        return ''
      },
      chooseSavePath: async (name, kind) => {
        asked.push({ name, kind })
        return answer
      }
    }
    const core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets(), desktop, exportDir: join(dir.path, 'downloads') })
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
      await core.close()
    }
  })
})
