import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ExportRequest } from '../../preload/contract'
import { systemClock } from '../../main/base/clock'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { tempDir } from '../helpers/temp-dir'
import { openTestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

/** Every folder and file under `dir`, with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const found = [{ path: dir, dir: true, mode: statSync(dir).mode & 0o777 }]
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...modes(path))
    else found.push({ path, dir: false, mode: statSync(path).mode & 0o777 })
  }
  return found
}

describe.skipIf(process.platform === 'win32')('what Quire writes is readable by the person only, whatever the umask', () => {
  let root: ReturnType<typeof tempDir>
  let simulator: HoursmithSimulator
  let umask: number
  const token = hoursmithToken()

  beforeEach(async () => {
    root = tempDir()
    umask = process.umask(0o022)
    simulator = await startHoursmithSimulator({ invoices: 30, seed: 5, tokens: { [token]: { plan: 'studio', role: 'owner' } } })
  })
  afterEach(async () => {
    process.umask(umask)
    await simulator.close()
    root.remove()
  })

  it('after a sync, a PDF and an export: data dir and subfolders 0700, files 0600', async () => {
    const dataDir = join(root.path, 'data', 'Quire')
    const exportDir = join(root.path, 'Downloads')
    const testCore = await openTestCore({ dataDir, clock: systemClock, exportDir })
    const { core } = testCore
    try {
      const account = await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
      const [outcome] = await core.sync.run(account.id)
      expect(outcome!.error).toBeNull()
      const [first] = core.invoices.list({ includeRemoved: false, offset: 0, limit: 1 }).items
      await core.pdfs.open({ accountId: account.id, remoteId: first!.remoteId })
      const exported = await core.exports.toFile(ExportRequest.parse({ query: {} }))
      expect(statSync(exported.path).mode & 0o777).toBe(0o600)

      const written = modes(dataDir)
      expect(written.some((entry) => entry.path.endsWith('quire.sqlite3-wal'))).toBe(true)
      expect(written.some((entry) => entry.path.endsWith('.pdf'))).toBe(true)
      for (const entry of written) expect(entry.mode.toString(8), entry.path).toBe(entry.dir ? '700' : '600')
    } finally {
      await testCore.close()
    }
  })

  it('narrows a data dir an earlier Quire left world-readable', async () => {
    const dataDir = join(root.path, 'old')
    mkdirSync(join(dataDir, 'pdfs'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dataDir, 'pdfs', 'a.pdf'), '%PDF-', { mode: 0o644 })
    chmodSync(dataDir, 0o755)
    await (await openTestCore({ dataDir, clock: systemClock })).close()
    for (const entry of modes(dataDir)) expect(entry.mode.toString(8), entry.path).toBe(entry.dir ? '700' : '600')
  })
})
