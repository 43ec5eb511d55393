import { randomUUID } from 'node:crypto'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { careSquareDataset } from '../../main/simulators/caresquare/dataset'
import { startCareSquareSimulator, type CareSquareSimulator } from '../../main/simulators/caresquare/server'
import type { CareSquareWireViewSession } from '../../main/simulators/caresquare/wire'
import { fakeClock } from '../helpers/fake-clock'
import { openTestCore } from '../helpers/test-core'

/** CareSquare's invoice view sessions, synced by the real connector from the simulator over HTTP. */
describe('CareSquare view sessions', () => {
  const [pmA, pmB] = [randomUUID(), randomUUID()]
  const key = `cs_live_${randomUUID().replaceAll('-', '')}`
  /** `failSessions`: the session list answers 500 while it returns true. */
  async function setup(failSessions: () => boolean = () => false) {
    // 200 + 60 invoices give the simulator's dataset about 160 sessions: two pages for one plan manager, one for the other.
    const simulator = await startCareSquareSimulator({
      invoices: { [pmA]: 200, [pmB]: 60 },
      apiKeys: { [key]: { planManagerIds: [pmA, pmB] } },
      seed: 3
    })
    const sessionRequests: string[] = []
    const fetchSpy: typeof fetch = async (input, init) => {
      const url = new URL(String(input))
      if (!url.pathname.endsWith('/invoice-view-sessions')) return fetch(input, init)
      sessionRequests.push(`${new Headers(init?.headers).get('x-plan-manager-id')} ${url.searchParams.get('offset')}`)
      return failSessions() ? new Response('{"success":false,"message":"boom"}', { status: 500 }) : fetch(input, init)
    }
    const testCore = await openTestCore({ fetch: fetchSpy })
    const { core } = testCore
    onTestFinished(() => simulator.close())
    onTestFinished(() => testCore.close())
    const account = await core.accounts.add({
      provider: 'caresquare',
      name: 'Plan Co',
      baseUrl: simulator.baseUrl,
      secret: key,
      options: { planManagerIds: [pmA, pmB] }
    })
    return { simulator, core, accountId: account.id, sessionRequests }
  }

  const allSessions = (simulator: CareSquareSimulator): CareSquareWireViewSession[] => [
    ...simulator.viewSessions[pmA]!,
    ...simulator.viewSessions[pmB]!
  ]
  const remoteIn = (core: Core) => core.activity.recent(500).sessions.filter((session) => session.source === 'remote')

  it('walks every page of every plan manager after the invoices, with nulls and open sessions as sent', async () => {
    const { simulator, core, accountId, sessionRequests } = await setup()
    const expected = allSessions(simulator)
    expect(simulator.viewSessions[pmA]!.length).toBeGreaterThan(100)
    expect(expected.some((session) => session.session_ended === null)).toBe(true)

    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: true, error: null })
    expect(sessionRequests).toEqual([`${pmA} 0`, `${pmA} 100`, `${pmB} 0`])
    const synced = remoteIn(core)
    expect(synced.map((session) => session.id).sort()).toEqual(expected.map((session) => session.id).sort())

    // Seed 000's example, field by field.
    const [seed] = core.activity.forInvoice(accountId, 'string').sessions
    expect(seed).toEqual({
      source: 'remote',
      id: 'string',
      accountId,
      account: 'Plan Co',
      provider: 'caresquare',
      invoiceRemoteId: 'string',
      invoiceNumber: 'string',
      invoiceCached: true,
      userId: 'string',
      userName: 'string',
      surface: null,
      startedAt: '2024-01-15T09:30:00.000Z',
      endedAt: '2024-01-15T09:30:00.000Z',
      lastHeartbeatAt: '2024-01-15T09:30:00.000Z',
      open: false,
      durationSeconds: 1,
      activeSeconds: 1,
      engagedSeconds: 1,
      idleCount: 1
    })

    // A session sent with no end whose last heartbeat is long past (the dataset's are from 2024,
    // the clock says 2026) ended at that heartbeat, as a local one does: it lasted from its start
    // to there, and its active and engaged time stay unknown.
    const abandoned = expected.find((session) => session.session_ended === null)!
    const activity = core.activity.forInvoice(accountId, abandoned.invoice_id)
    const lasted = (Date.parse(abandoned.last_heartbeat) - Date.parse(abandoned.session_started)) / 1000
    expect(activity.sessions.find((session) => session.id === abandoned.id)).toMatchObject({
      open: false,
      endedAt: abandoned.last_heartbeat,
      durationSeconds: lasted,
      activeSeconds: null,
      engagedSeconds: null,
      idleCount: null
    })
    const others = expected.filter((session) => session.invoice_id === abandoned.invoice_id && session.id !== abandoned.id)
    expect(activity.totals).toMatchObject({
      sessions: others.length + 1,
      remote: others.length + 1,
      local: 0,
      unmeasured: others.filter((session) => session.session_ended === null).length,
      durationSeconds:
        lasted +
        others.reduce(
          (sum, session) =>
            sum + (session.duration_seconds ?? (Date.parse(session.last_heartbeat) - Date.parse(session.session_started)) / 1000),
          0
        ),
      activeSeconds: others.reduce((sum, session) => sum + (session.active_duration_seconds ?? 0), 0)
    })
    expect(activity.remoteSync).toMatchObject({ account: 'Plan Co', error: null, syncedAt: expect.any(String) })
  })

  it('keeps a provider session open while its heartbeat is recent, and ends it at that heartbeat once it is old', async () => {
    const clock = fakeClock()
    const simulator = await startCareSquareSimulator({ invoices: { [pmA]: 20 }, apiKeys: { [key]: { planManagerIds: [pmA] } }, seed: 3 })
    const testCore = await openTestCore({ clock })
    const { core } = testCore
    onTestFinished(() => simulator.close())
    onTestFinished(() => testCore.close())
    const account = await core.accounts.add({
      provider: 'caresquare',
      name: 'Plan Co',
      baseUrl: simulator.baseUrl,
      secret: key,
      options: { planManagerIds: [pmA] }
    })
    const invoice = simulator.invoices[pmA]![1]!
    const started = new Date(clock.now().getTime() - 4 * 60_000).toISOString()
    const heartbeat = new Date(clock.now().getTime() - 60_000).toISOString()
    simulator.viewSessions[pmA]!.push({
      id: 'live-1',
      invoice_id: String(invoice.id),
      user_id: 'u1',
      user_name: 'Mereana',
      session_started: started,
      session_ended: null,
      last_heartbeat: heartbeat,
      duration_seconds: null,
      created_at: started,
      active_duration_seconds: null,
      engaged_duration_seconds: null,
      idle_count: null
    })
    await core.sync.run()
    const live = () => core.activity.forInvoice(account.id, String(invoice.id)).sessions.find((session) => session.id === 'live-1')
    expect(live()).toMatchObject({ open: true, endedAt: null, durationSeconds: null })

    await clock.sleep(30 * 60_000)
    expect(live()).toMatchObject({ open: false, endedAt: heartbeat, durationSeconds: 180, activeSeconds: null })
  })

  it('keeps sessions for invoices not cached yet, links them once the invoice syncs, and never duplicates', async () => {
    const { simulator, core, accountId } = await setup()
    const early: CareSquareWireViewSession = {
      ...simulator.viewSessions[pmB]![0]!,
      id: randomUUID(),
      invoice_id: 'INV-FUTURE',
      // Still heartbeating as the (fake) clock reads 2026-11-23T09:00Z.
      session_started: '2026-11-23T08:55:00.000Z',
      last_heartbeat: '2026-11-23T08:59:30.000Z',
      session_ended: null,
      duration_seconds: null,
      active_duration_seconds: null,
      engaged_duration_seconds: null,
      idle_count: null
    }
    simulator.viewSessions[pmB]!.push(early)
    await core.sync.run()
    expect(core.activity.forInvoice(accountId, 'INV-FUTURE').sessions).toEqual([
      expect.objectContaining({ id: early.id, invoiceCached: false, invoiceNumber: null, open: true })
    ])

    // The invoice appears upstream, and the session has ended meanwhile.
    const [invoice] = careSquareDataset({ planManagerId: pmB, count: 1, seed: 99 })
    simulator.invoices[pmB]!.push({ ...invoice!, id: 'INV-FUTURE', invoice_number: 'INV-9001', is_deleted: false })
    simulator.changed()
    Object.assign(early, {
      session_ended: '2026-11-23T19:00:00+10:00',
      duration_seconds: 300,
      active_duration_seconds: 200,
      engaged_duration_seconds: 100,
      idle_count: 2
    })
    await core.sync.run()

    expect(core.activity.forInvoice(accountId, 'INV-FUTURE').sessions).toEqual([
      expect.objectContaining({
        id: early.id,
        invoiceCached: true,
        invoiceNumber: 'INV-9001',
        open: false,
        endedAt: '2026-11-23T09:00:00.000Z',
        durationSeconds: 300,
        idleCount: 2
      })
    ])
    expect(remoteIn(core)).toHaveLength(allSessions(simulator).length)
  })

  it('a failed session sync never fails the invoice sync: it is recorded, shown, and cleared by the next success', async () => {
    let failing = true
    const { simulator, core, accountId } = await setup(() => failing)
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: true, error: null, upserted: 261 })
    const failed = core.activity.recent(10).remoteSync
    expect(failed).toEqual([
      {
        accountId,
        account: 'Plan Co',
        attemptedAt: expect.any(String),
        syncedAt: null,
        error: { code: 'PROVIDER_UNAVAILABLE', message: expect.stringMatching(/server error \(500\)/) }
      }
    ])
    expect(core.activity.forInvoice(accountId, 'string').remoteSync).toEqual(failed[0])
    expect(remoteIn(core)).toEqual([])

    failing = false
    await core.sync.run()
    expect(core.activity.forInvoice(accountId, 'string').remoteSync).toMatchObject({ error: null, syncedAt: expect.any(String) })
    expect(remoteIn(core)).toHaveLength(allSessions(simulator).length)

    // A malformed row names the page and the field, and keeps the last good sync's time and rows.
    const { syncedAt } = core.activity.recent(1).remoteSync[0]!
    simulator.viewSessions[pmB]!.push({ ...simulator.viewSessions[pmB]![0]!, id: randomUUID(), session_started: 'last Tuesday' })
    const [again] = await core.sync.run()
    expect(again!.ok).toBe(true)
    const status = core.activity.recent(1).remoteSync[0]!
    expect(status).toMatchObject({ syncedAt, error: { code: 'PROVIDER_BAD_RESPONSE' } })
    expect(status.error!.message).toMatch(/View sessions, page 3: .*view session list of plan manager .* data\[\d+\] — session_started/)
    expect(remoteIn(core)).toHaveLength(allSessions(simulator).length - 1)
  })
})
