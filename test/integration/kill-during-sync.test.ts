import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../main/base/clock'
import { seededRandom } from '../../main/simulators/shared/random'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { fakeClock } from '../helpers/fake-clock'
import { realKeychain } from '../helpers/keychain'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

const KILLS = 8

describe('kill -9 at random points during a sync', () => {
  let simulator: HoursmithSimulator
  let testCore: TestCore
  let dir: TestCore['dir']
  let accountId: string
  const token = hoursmithToken()
  const keychain = realKeychain()

  beforeAll(async () => {
    simulator = await startHoursmithSimulator({
      invoices: 12_000,
      seed: 31,
      // Records that are skipped or kept with unknowns must survive kills like any other.
      badRecords: true,
      tokens: { [token]: {} },
      rateLimits: { burst: 1_000_000, burstWindowMs: 1_000, sustained: 1_000_000, sustainedWindowMs: 1_000 }
    })
    testCore = await openTestCore({ secrets: keychain, clock: systemClock })
    dir = testCore.dir
    const { core } = testCore
    accountId = (await core.accounts.add({ provider: 'hoursmith', name: 'Crashy', baseUrl: simulator.baseUrl, secret: token })).id
    await core.close()
  })
  afterAll(async () => {
    await keychain.delete(accountId)
    await simulator.close()
    await testCore.close()
  })

  it('never corrupts the cache or loses a committed page, and the next sync completes it exactly', async () => {
    const random = seededRandom(7)
    let committed = 0
    let killedMidSync = 0
    for (let kill = 0; kill < KILLS; kill += 1) {
      const finished = await runAndKill(dir.path, 30 + Math.floor(random() * 900))
      if (!finished) killedMidSync += 1
      const db = new Database(join(dir.path, 'quire.sqlite3'))
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const rows = db.prepare(`SELECT count(*) AS n, count(DISTINCT remote_id) AS d FROM invoices`).get() as { n: number; d: number }
      db.close()
      expect(rows.n).toBe(rows.d)
      expect(rows.n).toBeGreaterThanOrEqual(committed)
      committed = rows.n
    }
    expect(killedMidSync).toBeGreaterThan(0)

    const core = await testCore.reopen({ clock: fakeClock() })
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: true })
    const cachedIds = core.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total
    const live = core.invoices.list({ includeRemoved: false, offset: 0, limit: 1 }).total
    const held = core.skipped.list(null, 100)
    await core.close()
    const skipped = simulator.badRecords.filter((record) => record.outcome === 'skipped')
    expect(cachedIds).toBe(simulator.invoices.length - skipped.length)
    expect(live).toBe(simulator.invoices.filter((i) => i.deletedAt === null).length - skipped.length)
    // One row per skipped record however many runs saw it, the id-less one included.
    expect(held.map((record) => record.remoteId).sort()).toEqual(skipped.map((record) => record.id).sort())
  }, 180_000)
})

/** Starts a syncing process and SIGKILLs it `afterMs` after it is ready; true if it finished first. */
function runAndKill(dataDir: string, afterMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/support/sync-child.ts', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let finished = false
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), afterMs)
      else finished = true
    })
    child.once('error', reject)
    child.once('exit', () => resolve(finished))
  })
}
