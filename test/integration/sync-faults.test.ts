import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { randomFaults, type Fault, type FaultPlan } from '../../main/simulators/shared/faults'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('sync under faults', () => {
  let testCore: TestCore
  let core: Core
  let simulator: HoursmithSimulator
  afterEach(async () => {
    await testCore.close()
    await simulator.close()
  })

  it('ends with exactly the simulator’s data despite 5xx, 429, resets, slowness and malformed pages', async () => {
    const token = hoursmithToken()
    simulator = await startHoursmithSimulator({
      invoices: 3_000,
      seed: 21,
      // Faults and records Quire cannot read, together: neither may cost the other's data.
      badRecords: true,
      tokens: { [token]: {} },
      faults: counted(everyKindFirst(KINDS, randomFaults({ seed: 4, rate: 0.3, kinds: KINDS })))
    })
    testCore = await openTestCore()
    core = testCore.core
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Faulty', baseUrl: simulator.baseUrl, secret: token })

    let outcome = (await core.sync.run())[0]!
    // Heavy faults may still exhaust one page's retries; the next sync resumes from there.
    for (let attempt = 0; !outcome.ok && attempt < 5; attempt += 1) outcome = (await core.sync.run())[0]!
    expect(outcome.ok).toBe(true)

    const db = new Database(join(testCore.dir.path, 'quire.sqlite3'), { readonly: true })
    const cached = db
      .prepare(`SELECT remote_id AS id, total, status, removed FROM invoices WHERE account_id = ? ORDER BY remote_id`)
      .all(account.id) as { id: string; total: string; status: string; removed: number }[]
    db.close()
    const outcomeOf = new Map(simulator.badRecords.map((record) => [record.id, record.outcome]))
    const expected = [...simulator.invoices]
      .filter((i) => i.id !== undefined && outcomeOf.get(i.id) !== 'skipped')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      // An unknown total is stored as '' (migration 0007).
      .map((i) => ({ id: i.id, total: outcomeOf.get(i.id) === 'unknown-amount' ? '' : i.total, removed: i.deletedAt === null ? 0 : 1 }))
    expect(cached.map(({ id, total, removed }) => ({ id, total, removed }))).toEqual(expected)
    expect(injected.count).toBeGreaterThan(KINDS.length)
    // Held once each, whichever runs saw them.
    expect(core.skipped.list(account.id, 100)).toHaveLength(simulator.badRecords.filter((record) => record.outcome === 'skipped').length)
  })
})

const KINDS: Fault[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503, retryAfterSeconds: 2 },
  { kind: 'status', status: 429, retryAfterSeconds: 1 },
  { kind: 'reset' },
  { kind: 'delay', ms: 30 },
  { kind: 'malformed' }
]

/** Every kind once on alternate early requests, so each is surely exercised, then the random mix. */
function everyKindFirst(kinds: Fault[], then: FaultPlan): FaultPlan {
  return (request) =>
    request.index < kinds.length * 2 ? (request.index % 2 === 1 ? kinds[(request.index - 1) / 2]! : null) : then(request)
}

const injected = { count: 0 }
function counted(plan: FaultPlan): FaultPlan {
  return (request) => {
    const fault = plan(request)
    if (fault) injected.count += 1
    return fault
  }
}
