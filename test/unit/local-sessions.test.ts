import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { ViewerState } from '../../preload/contract'
import { silentLog } from '../../main/log/log'
import { ActivityService } from '../../main/activity/activity.service'
import { ViewSessionsRepo } from '../../main/activity/view-sessions.repo'
import type { Clock } from '../../main/base/clock'
import { AppError } from '../../main/base/errors'
import { AccountsRepo } from '../../main/db/accounts.repo'
import { InvoicesRepo } from '../../main/db/invoices.repo'
import { openDatabase } from '../../main/db/open-database'
import { fakeClock } from '../helpers/fake-clock'
import { tempDir } from '../helpers/temp-dir'
import { openTestCore } from '../helpers/test-core'

const START = new Date('2026-11-23T09:00:00Z')
const at = (seconds: number): string => new Date(START.getTime() + seconds * 1000).toISOString()
/** The viewer's window at a heartbeat: focused and visible unless said otherwise. */
const state = (lastInputSecond: number | null, overrides: Partial<ViewerState> = {}): ViewerState => ({
  focused: true,
  visible: true,
  lastInputAt: lastInputSecond === null ? null : at(lastInputSecond),
  ...overrides
})

describe('local view sessions', () => {
  /** A cache with one account and one invoice, and the service over it on a clock the test moves. */
  function fixture() {
    const dir = tempDir()
    const db = openDatabase(join(dir.path, 'quire.sqlite3'))
    onTestFinished(() => dir.remove())
    onTestFinished(() => void db.close())
    const clock = fakeClock(START)
    const accounts = new AccountsRepo(db)
    const accountId = randomUUID()
    accounts.insert({
      id: accountId,
      provider: 'caresquare',
      name: 'Plan Co',
      baseUrl: 'http://127.0.0.1:9/api/public/v1',
      options: { planManagerIds: [randomUUID()] },
      createdAt: START.toISOString()
    })
    new InvoicesRepo(db).upsert(accountId, 1, START.toISOString(), invoice('INV-1'), null)
    const service = serviceOn(db, clock)
    // The fake clock's sleep moves time at once: the test's way to let seconds pass.
    const seconds = (n: number): Promise<void> => clock.sleep(n * 1000)
    const only = () => {
      const { sessions } = service.forInvoice(accountId, 'INV-1')
      expect(sessions).toHaveLength(1)
      return sessions[0]!
    }
    return { dir, db, clock, service, accountId, seconds, only }
  }

  function serviceOn(db: Database, clock: Clock): ActivityService {
    return new ActivityService({
      db,
      clock,
      log: silentLog,
      account: (id) =>
        new AccountsRepo(db).byId(id) ??
        (() => {
          throw new AppError('NOT_FOUND', 'gone')
        })(),
      connect: () => Promise.reject(new Error('offline')),
      userName: () => 'aroha'
    })
  }

  async function begin(f: ReturnType<typeof fixture>, initial: ViewerState): Promise<string> {
    const { sessionId } = f.service.begin(f.accountId, 'INV-1', 'detail', initial)
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/)
    return sessionId!
  }

  it('counts active time only while the window is focused and visible, from exact totals', async () => {
    const f = fixture()
    const id = await begin(f, state(0))
    // Uneven heartbeats (timers drift): 5.3 s steps must not lose a second to rounding each time.
    for (let beat = 1; beat <= 4; beat += 1) {
      await f.clock.sleep(5_300)
      expect(f.service.heartbeat(id, state(0))).toEqual({ open: true })
    }
    // 21.2 s: the window loses focus (the renderer reports the change at once)…
    f.service.heartbeat(id, state(0, { focused: false }))
    await f.seconds(5)
    f.service.heartbeat(id, state(0, { focused: false, visible: false }))
    await f.seconds(4)
    // …30.2 s: back, focused and visible again, for 10 s more.
    f.service.heartbeat(id, state(0))
    await f.seconds(10)
    expect(f.service.end(id)).toEqual({ ended: true })

    const session = f.only()
    expect(session).toMatchObject({
      source: 'local',
      userName: 'aroha',
      surface: 'detail',
      startedAt: at(0),
      endedAt: at(40.2),
      open: false,
      durationSeconds: 40
    })
    expect(session.activeSeconds).toBe(31) // 21.2 s + 10 s, rounded once
    expect(f.service.end(id)).toEqual({ ended: false })
  })

  it('counts engaged time while input is under 30 s old, and each lapse into idle once', async () => {
    const f = fixture()
    // Opened with a click at 0 s; no input again until 52 s, then none.
    const id = await begin(f, state(0))
    for (let second = 5; second <= 50; second += 5) {
      await f.seconds(5)
      f.service.heartbeat(id, state(0))
    }
    await f.seconds(5)
    f.service.heartbeat(id, state(52)) // 55 s
    for (let second = 60; second <= 100; second += 5) {
      await f.seconds(5)
      f.service.heartbeat(id, state(52))
    }
    f.service.end(id)
    // Engaged [0, 30) and [52, 82); idle from 30 s and from 82 s.
    expect(f.only()).toMatchObject({ durationSeconds: 100, activeSeconds: 100, engagedSeconds: 60, idleCount: 2 })
  })

  it('never counts engaged time while the window is in the background, and starts idle without input', async () => {
    const f = fixture()
    const id = await begin(f, state(0))
    await f.seconds(10)
    f.service.heartbeat(id, state(0, { focused: false }))
    await f.seconds(10)
    f.service.end(id)
    expect(f.only()).toMatchObject({ durationSeconds: 20, activeSeconds: 10, engagedSeconds: 10, idleCount: 0 })

    const g = fixture()
    const quiet = await begin(g, state(null))
    for (let beat = 0; beat < 9; beat += 1) {
      await g.seconds(5)
      g.service.heartbeat(quiet, state(null))
    }
    g.service.end(quiet)
    // Never engaged, so it never went idle either.
    expect(g.only()).toMatchObject({ activeSeconds: 45, engagedSeconds: 0, idleCount: 0 })
  })

  it('ends a session whose heartbeat stopped at its last heartbeat, on reading and on restart', async () => {
    const f = fixture()
    const id = await begin(f, state(0))
    for (let beat = 0; beat < 4; beat += 1) {
      await f.seconds(5)
      f.service.heartbeat(id, state(0))
    }
    // Killed at 20 s. Up to three heartbeats late it may still be running (another process's)…
    await f.seconds(15)
    expect(f.only()).toMatchObject({ open: true, endedAt: null, lastHeartbeatAt: at(20), durationSeconds: 20 })
    // …after that it reads as ended at its last heartbeat, before anything is written.
    await f.seconds(1)
    expect(f.only()).toMatchObject({ open: false, endedAt: at(20), durationSeconds: 20, activeSeconds: 20 })

    // The next start closes it on disk, at that heartbeat.
    await f.seconds(3600)
    expect(serviceOn(f.db, f.clock).recoverOnStart()).toBe(1)
    const stored = f.db.prepare(`SELECT ended_at, duration_seconds FROM view_sessions WHERE session_id = ?`).get(id)
    expect(stored).toEqual({ ended_at: at(20), duration_seconds: 20 })
    // A late heartbeat or end from the dead window changes nothing.
    expect(f.service.heartbeat(id, state(0))).toEqual({ open: false })
    expect(f.service.end(id)).toEqual({ ended: false })
    expect(f.only()).toMatchObject({ endedAt: at(20), durationSeconds: 20 })
  })

  it('closes a session left open by a killed app when the core starts again', async () => {
    const f = fixture()
    const id = await begin(f, state(0))
    await f.seconds(5)
    f.service.heartbeat(id, state(0))
    f.db.close()
    await f.seconds(90)
    const testCore = await openTestCore({ dataDir: f.dir.path, clock: f.clock })
    onTestFinished(() => testCore.close())
    const { core } = testCore
    const [session] = core.activity.forInvoice(f.accountId, 'INV-1').sessions
    expect(session).toMatchObject({ id, open: false, endedAt: at(5), durationSeconds: 5 })
    // The core records under the OS user's name.
    const { sessionId } = core.activity.begin(f.accountId, 'INV-1', 'pdf', state(95))
    expect(core.activity.forInvoice(f.accountId, 'INV-1').sessions[0]).toMatchObject({
      id: sessionId,
      surface: 'pdf',
      userName: userInfo().username,
      open: true
    })
  })

  it('after a gap (the machine slept), the old session ends at its last heartbeat and a new one can begin', async () => {
    const f = fixture()
    const id = await begin(f, state(0))
    await f.seconds(5)
    f.service.heartbeat(id, state(0))
    await f.seconds(8 * 3600)
    expect(f.service.heartbeat(id, state(0))).toEqual({ open: false })
    const again = await begin(f, state(8 * 3600 + 5))
    await f.seconds(5)
    f.service.heartbeat(again, state(8 * 3600 + 5))
    const { sessions, totals } = f.service.forInvoice(f.accountId, 'INV-1')
    expect(sessions.map((s) => [s.id, s.endedAt, s.durationSeconds])).toEqual([
      [again, null, 5],
      [id, at(5), 5]
    ])
    // Only the finished session is summed; the running one is counted apart.
    expect(totals).toMatchObject({ sessions: 2, local: 2, viewers: 1, durationSeconds: 5, activeSeconds: 5, unmeasured: 1 })
  })

  it('records nothing while recording is off; turning it off ends what runs; clearing keeps the provider’s', async () => {
    const f = fixture()
    const id = await begin(f, state(0))
    await f.seconds(7)
    expect(f.service.updateSettings({ recordLocal: false })).toEqual({ recordLocal: false })
    expect(f.only()).toMatchObject({ id, endedAt: at(7), durationSeconds: 7 })
    expect(f.service.heartbeat(id, state(7))).toEqual({ open: false })

    const count = () => (f.db.prepare(`SELECT count(*) AS n FROM view_sessions`).get() as { n: number }).n
    const before = count()
    expect(f.service.begin(f.accountId, 'INV-1', 'detail', state(7))).toEqual({ sessionId: null })
    expect(count()).toBe(before)
    expect(f.service.settings()).toEqual({ recordLocal: false })

    new ViewSessionsRepo(f.db).upsertRemote(f.accountId, at(8), {
      remoteId: 'cs-1',
      invoiceRemoteId: 'INV-1',
      userId: 'u1',
      userName: 'Priya Natarajan',
      startedAt: at(-60),
      endedAt: at(-30),
      lastHeartbeatAt: at(-30),
      createdAt: at(-60),
      durationSeconds: 30,
      activeSeconds: 20,
      engagedSeconds: 10,
      idleCount: 1,
      raw: { id: 'cs-1' }
    })
    expect(f.service.clearLocal()).toEqual({ cleared: 1 })
    expect(f.service.forInvoice(f.accountId, 'INV-1').sessions.map((s) => [s.source, s.id])).toEqual([['remote', 'cs-1']])
    expect(f.service.updateSettings({ recordLocal: true })).toEqual({ recordLocal: true })
    expect(f.service.begin(f.accountId, 'INV-1', 'detail', state(9)).sessionId).not.toBeNull()
  })

  it('refuses to record for an invoice that is not cached', () => {
    const f = fixture()
    expect(() => f.service.begin(f.accountId, 'nope', 'detail', state(0))).toThrow(/not in the cache/)
  })
})

function invoice(remoteId: string) {
  return {
    remoteId,
    number: remoteId,
    status: 'open' as const,
    rawStatus: null,
    paymentStatus: null,
    counterparty: null,
    notes: null,
    issueDate: '2026-11-01',
    dueDate: null,
    periodStart: null,
    periodEnd: null,
    currency: 'AUD',
    subtotal: null,
    tax: null,
    total: '10.00',
    paid: null,
    hasPdf: false,
    remoteCreatedAt: null,
    remoteUpdatedAt: null,
    removed: false,
    lineItems: [],
    raw: {}
  }
}
