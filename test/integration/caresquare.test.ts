import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { InvoiceStatus } from '../../preload/contract'
import { toScaled } from '../../main/money/decimal'
import { CareSquareClient } from '../../main/providers/caresquare/client'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import {
  startCareSquareSimulator,
  type CareSquareSimulator,
  type CareSquareSimulatorOptions
} from '../../main/simulators/caresquare/server'
import type { CareSquareWireInvoice } from '../../main/simulators/caresquare/wire'
import { cliInProcess } from '../helpers/cli-in-process'
import { errorOf, walkConnector } from '../helpers/connector-walk'
import { parseCsv } from '../helpers/csv'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore } from '../helpers/test-core'

/** What each [approval, claim] pair the simulator uses must become: written out, not derived. */
const EXPECTED_STATUS: Record<string, InvoiceStatus> = {
  'pending|received': 'draft',
  'null|null': 'draft',
  'approved|received': 'open',
  'approved|new': 'open',
  'approved|pending': 'open',
  'approved|flagged': 'open',
  'approved|payment_ready': 'open',
  'approved|partially_paid': 'open',
  'approved|On Hold': 'open',
  'approved|paid': 'paid',
  'approved|reconciled': 'paid',
  'not_required|paid': 'paid',
  'rejected|received': 'void',
  'approved|rejected': 'void',
  'approved|cancelled': 'void',
  'string|string': 'unknown'
}

/** The simulator's doubles are whole cents: scaled to 1/10,000ths without any decimal code. */
const scaled = (amount: number): bigint => BigInt(Math.round(amount * 100)) * 100n

describe('CareSquare connector against the simulator', () => {
  const [pmA, pmB, pmForeign] = [randomUUID(), randomUUID(), randomUUID()]
  const key = `cs_live_${randomUUID().replaceAll('-', '')}`
  let simulator: CareSquareSimulator
  afterEach(() => simulator.close())

  async function start(options: Partial<CareSquareSimulatorOptions> = {}): Promise<CareSquareSimulator> {
    simulator = await startCareSquareSimulator({
      invoices: { [pmA]: 130, [pmB]: 105, [pmForeign]: 5 },
      apiKeys: { [key]: { planManagerIds: [pmA, pmB] } },
      ...options
    })
    return simulator
  }

  const client = (options: { apiKey?: string; planManagerIds?: string[]; clock?: ReturnType<typeof fakeClock> } = {}): CareSquareClient =>
    new CareSquareClient(
      { name: 'Plan Co', baseUrl: simulator.baseUrl, options: { planManagerIds: options.planManagerIds ?? [pmA, pmB] } },
      options.apiKey ?? key,
      { fetch, clock: options.clock ?? fakeClock() }
    )

  it('walks every plan manager in pages, fetching each detail, with exact AUD totals, statuses and line items', async () => {
    await start()
    const wire = [...simulator.invoices[pmA]!, ...simulator.invoices[pmB]!]
    expect(wire).toHaveLength(236)
    const { invoices, pages, requests, cursors } = await walkConnector(client())

    // 131 + 105 rows at 100 a page; every list and detail request counted, retries included.
    expect(pages).toBe(4)
    expect(requests).toBe(4 + 236)
    expect(simulator.requests.count).toBe(requests)
    expect(cursors.map((cursor) => JSON.parse(cursor) as unknown)).toEqual([
      { v: 1, planManagerId: pmA, offset: 100 },
      { v: 1, planManagerId: pmB, offset: 0 },
      { v: 1, planManagerId: pmB, offset: 100 }
    ])
    expect(new Set(invoices.map((invoice) => invoice.remoteId)).size).toBe(236)
    expect(new Set(invoices.map((invoice) => invoice.currency))).toEqual(new Set(['AUD']))

    const byId = new Map(invoices.map((invoice) => [invoice.remoteId, invoice]))
    const live = wire.filter((invoice) => !invoice.is_deleted)
    const cachedLive = invoices.filter((invoice) => !invoice.removed)
    expect(cachedLive).toHaveLength(live.length)
    expect(cachedLive.reduce((sum, invoice) => sum + toScaled(invoice.total!), 0n)).toBe(
      live.reduce((sum, invoice) => sum + scaled(invoice.total), 0n)
    )
    expect(invoices.reduce((sum, invoice) => sum + toScaled(invoice.tax ?? '0'), 0n)).toBe(
      wire.reduce((sum, invoice) => sum + scaled(invoice.tax), 0n)
    )

    for (const source of wire) {
      const invoice = byId.get(String(source.id))!
      expect(invoice.status, `${source.approval_status}|${source.claim_status}`).toBe(
        EXPECTED_STATUS[`${source.approval_status}|${source.claim_status}`]
      )
      expect(invoice.rawStatus).toContain(`approval: ${source.approval_status ?? '—'} / claim: ${source.claim_status ?? '—'}`)
      expect(invoice.issueDate).toBe(source.invoice_date)
      expect(invoice.removed).toBe(source.is_deleted)
      const kept = source.line_items.filter((line) => !line.is_deleted)
      expect(invoice.lineItems.map((line) => line.position)).toEqual(kept.map((_, position) => position))
      expect(invoice.lineItems.map((line) => toScaled(line.amount!))).toEqual(kept.map((line) => scaled(line.total_price!)))
      expect(invoice.lineItems.map((line) => line.description)).toEqual(kept.map((line) => line.description))
      expect((invoice.raw as CareSquareWireInvoice).state_management).toEqual(source.state_management)
    }
    // Seed 001's example, verbatim: soft-deleted, statuses that mean nothing, its one line deleted.
    expect(byId.get('string')).toMatchObject({
      removed: true,
      status: 'unknown',
      total: '1.1',
      subtotal: '1.1',
      tax: '1.1',
      lineItems: [],
      counterparty: 'Participant string'
    })
  })

  it('keeps money exact where doubles would not add up, ids as text, and markup as data', async () => {
    await start()
    const numeric = simulator.invoices[pmA]!.find((invoice) => typeof invoice.id === 'number')!
    const trap = simulator.invoices[pmA]![3]!
    const xss = simulator.invoices[pmA]![4]!
    const { invoices } = await client({ planManagerIds: [pmA] }).fetchPage(null)
    const get = (id: string | number): UnifiedInvoice => invoices.find((invoice) => invoice.remoteId === String(id))!

    expect(0.1 + 0.2).not.toBe(0.3)
    expect(get(trap.id)).toMatchObject({
      subtotal: '0.3',
      total: '0.3',
      lineItems: [{ amount: '0.1', unitPrice: '0.1', quantity: '1' }, { amount: '0.2' }]
    })
    expect(get(numeric.id).remoteId).toMatch(/^\d+$/)
    expect(get(xss.id).counterparty).toBe('Provider <img src=x onerror=alert(1)>')
    expect(invoices.find((invoice) => invoice.number === 'Zoë-Ōtautahi/2024-0042')).toBeDefined()
  })

  it('resumes from a cursor, restarts on one it cannot use, and fetches a repeated row once', async () => {
    await start()
    const resumed = await client().fetchPage(JSON.stringify({ v: 1, planManagerId: pmB, offset: 100 }))
    expect(resumed.invoices.map((invoice) => invoice.remoteId)).toEqual(
      simulator.invoices[pmB]!.slice(100).map((invoice) => String(invoice.id))
    )
    expect(resumed.next).toBeNull()

    for (const stale of [
      'not json',
      JSON.stringify({ v: 0, planManagerId: pmA, offset: 0 }),
      JSON.stringify({ v: 1, planManagerId: pmForeign, offset: 100 })
    ]) {
      const page = await client().fetchPage(stale)
      expect(page.invoices[0]!.remoteId).toBe('string')
      expect(JSON.parse(page.next!)).toEqual({ v: 1, planManagerId: pmA, offset: 100 })
    }

    // Data shifting under offset paging serves a row twice: one detail request, one invoice. The
    // list is one page long, so no following page is read ahead into the count.
    const list = simulator.invoices[pmB]!
    list.splice(50)
    list.splice(1, 0, list[0]!)
    simulator.changed()
    const before = simulator.requests.count
    const page = await client({ planManagerIds: [pmB] }).fetchPage(null)
    expect(page.next).toBeNull()
    expect(page.invoices).toHaveLength(50)
    expect(page.requests).toBe(1 + 50)
    expect(simulator.requests.count - before).toBe(page.requests)
  })

  it('answers the documented statuses and bodies for missing or wrong keys and plan managers', async () => {
    await start({ invoices: { [pmA]: 2 } })
    const get = async (path: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> => {
      const response = await fetch(`${simulator.baseUrl}${path}`, { headers })
      return { status: response.status, body: await response.json() }
    }
    const auth = { Authorization: `Bearer ${key}` }
    expect(await get('/invoices', { 'X-Plan-Manager-Id': pmA })).toEqual({
      status: 401,
      body: { success: false, message: 'Missing or invalid Authorization header' }
    })
    expect((await get('/invoices', { Authorization: 'Bearer nope', 'X-Plan-Manager-Id': pmA })).status).toBe(401)
    expect(await get('/invoices', auth)).toEqual({ status: 400, body: { success: false, message: 'Missing or invalid X-Plan-Manager-Id' } })
    expect((await get('/invoices', { ...auth, 'X-Plan-Manager-Id': 'pm-1' })).status).toBe(400)
    expect(await get('/invoices', { ...auth, 'X-Plan-Manager-Id': pmForeign })).toEqual({
      status: 403,
      body: { success: false, message: 'Your API key is not allowed to access the requested plan manager' }
    })
    expect((await get('/invoices?limit=101', { ...auth, 'X-Plan-Manager-Id': pmA })).status).toBe(400)
    const page = await get('/invoices?limit=1&offset=1', { ...auth, 'X-Plan-Manager-Id': pmA.toUpperCase() })
    expect(page).toMatchObject({ status: 200, body: { pagination: { limit: 1, offset: 1, total: 3, has_more: true } } })
    expect((page.body as { data: object[] }).data[0]).not.toHaveProperty('line_items')
    expect(await get('/invoices/string', { ...auth, 'X-Plan-Manager-Id': pmA })).toMatchObject({
      status: 200,
      body: { id: 'string', line_items: [{ quantity: 1.1 }] }
    })
    expect(await get('/invoice-view-sessions/string', { ...auth, 'X-Plan-Manager-Id': pmA })).toMatchObject({
      status: 200,
      body: { invoice_id: 'string', idle_count: 1 }
    })
  })

  it('maps 401 and 403 to typed errors that name the account and plan manager, never the key', async () => {
    await start()
    const wrong = await errorOf(client({ apiKey: 'cs_wrong_key_123' }).fetchPage(null))
    expect(wrong.code).toBe('PROVIDER_AUTH')
    expect(wrong.message).toMatch(
      /^CareSquare account “Plan Co”: the API key was rejected\. CareSquare said: “Missing or invalid Authorization header”\..*Settings → API Keys/
    )
    expect(wrong.message).not.toContain('cs_wrong_key_123')

    const scope = await errorOf(client({ planManagerIds: [pmForeign, pmA] }).fetchPage(null))
    expect(scope.code).toBe('PROVIDER_SCOPE')
    expect(scope.message).toContain(`refused access to plan manager ${pmForeign}`)
    expect(scope.message).toMatch(/API key was revoked/)
    expect(scope.message).toMatch(/plan manager is not linked to it/)
    expect(scope.message).not.toContain(key)

    expect(await client().testConnection()).toBe('Connected to CareSquare: 2 plan managers, 236 invoices.')
    expect(await errorOf(client({ planManagerIds: [pmForeign] }).testConnection())).toMatchObject({ code: 'PROVIDER_SCOPE' })
  })

  it('skips a detail that does not match the wire schema, naming the invoice and the field, and tolerates the unknown', async () => {
    await start({ invoices: { [pmA]: 3 } })
    const [, first, second] = simulator.invoices[pmA]!
    Object.assign(first!, {
      surprise: { nested: true },
      state_management: 'free text',
      email_message_id: null,
      participant_id: null,
      pm_provider_id: null
    })
    const good = await client({ planManagerIds: [pmA] }).fetchPage(null)
    expect(good.invoices[1]).toMatchObject({ counterparty: null })
    expect((good.invoices[1]!.raw as { surprise: unknown }).surprise).toEqual({ nested: true })

    ;(second!.line_items[0] as unknown as { quantity: string }).quantity = '2.5'
    const page = await client({ planManagerIds: [pmA] }).fetchPage(null)
    expect(page.invoices.map((invoice) => invoice.remoteId)).not.toContain(String(second!.id))
    expect(page.invoices).toHaveLength(good.invoices.length - 1)
    expect(page.skipped).toEqual([expect.objectContaining({ remoteId: String(second!.id), field: 'line_items.0.quantity' })])
  })

  it('backs off when rate limited (no Retry-After is documented) and still finishes the walk', async () => {
    const clock = fakeClock()
    await start({ invoices: { [pmA]: 60 }, rateLimit: { requests: 20, windowMs: 1_000 }, now: () => clock.now().getTime() })
    const { invoices, requests } = await walkConnector(client({ planManagerIds: [pmA], clock }))
    expect(invoices).toHaveLength(61)
    expect(requests).toBeGreaterThan(62)
    expect(clock.sleeps.length).toBeGreaterThan(0)
  })

  it("keeps is_duplicate, wont_claim and errors as flags: shown, filtered on, and duplicates and won't-claim left out of totals unless asked", async () => {
    await start({ invoices: { [pmA]: 40 } })
    const live = simulator.invoices[pmA]!.filter((invoice) => !invoice.is_deleted && invoice.id !== 'string')
    for (const invoice of simulator.invoices[pmA]!) Object.assign(invoice, { is_duplicate: false, wont_claim: false, errors: false })
    Object.assign(live[1]!, { is_duplicate: true })
    Object.assign(live[2]!, { is_duplicate: true, errors: true })
    Object.assign(live[3]!, { wont_claim: true })
    Object.assign(live[4]!, { errors: true })
    // A deleted duplicate is a tombstone: subtracted once, not twice.
    const deleted = simulator.invoices[pmA]!.find((invoice) => invoice.is_deleted && invoice.id !== 'string')
    if (deleted) deleted.is_duplicate = true
    simulator.changed()
    const testCore = await openTestCore()
    const { core, dir } = testCore
    try {
      const account = await core.accounts.add({
        provider: 'caresquare',
        name: 'Plan Co',
        baseUrl: simulator.baseUrl,
        secret: key,
        options: { planManagerIds: [pmA] }
      })
      expect((await core.sync.run())[0]).toMatchObject({ ok: true })
      const flagsOf = (id: string | number) =>
        core.invoices.list({ includeRemoved: false, offset: 0, limit: 500 }).items.find((item) => item.remoteId === String(id))!.flags
      expect(flagsOf(live[0]!.id)).toEqual([])
      expect(flagsOf(live[1]!.id)).toEqual(['duplicate'])
      expect(flagsOf(live[2]!.id)).toEqual(['duplicate', 'errors'])
      expect(flagsOf(live[3]!.id)).toEqual(['wontClaim'])
      expect(core.invoices.get(account.id, String(live[4]!.id)).flags).toEqual(['errors'])

      const ids = (flags: object) =>
        core.invoices
          .list({ includeRemoved: false, offset: 0, limit: 500, flags })
          .items.map((item) => item.remoteId)
          .sort()
      expect(ids({ duplicate: true })).toEqual([live[1]!.id, live[2]!.id].map(String).sort())
      expect(ids({ errors: true, duplicate: false })).toEqual([String(live[4]!.id)])
      expect(ids({ wontClaim: true })).toEqual([String(live[3]!.id)])
      expect(ids({ duplicate: false, wontClaim: false })).toHaveLength(
        live.length - 3 + (simulator.invoices[pmA]!.some((invoice) => invoice.id === 'string' && !invoice.is_deleted) ? 1 : 0)
      )

      const sum = (invoices: CareSquareWireInvoice[]) => [
        { currency: 'AUD', count: invoices.length, total: invoices.reduce((total, invoice) => total + scaled(invoice.total), 0n) }
      ]
      // Void and draft invoices counted here (their own switch, tested in balance-totals): only the flags' rule is at stake.
      const totals = (query: Parameters<typeof core.invoices.totals>[0]) =>
        core.invoices
          .totals({ ...query, includeVoidAndDraft: true })
          .map(({ currency, count, total }) => ({ currency, count, total: toScaled(total) }))
      const counted = live.filter((invoice) => !invoice.is_duplicate && !invoice.wont_claim)
      // Unfiltered (the index path) and filtered (the driven path) follow the same rule.
      expect(totals({ includeRemoved: false })).toEqual(sum(counted))
      // By default both rules apply: what void and draft leave out is said, never lost.
      const [byDefault] = core.invoices.totals({ includeRemoved: false })
      expect(byDefault!.count + byDefault!.leftOut).toBe(counted.length)
      expect(totals({ includeRemoved: false, accountId: account.id })).toEqual(sum(counted))
      expect(core.invoices.leftOutOfTotals({ includeRemoved: false })).toEqual({ count: 3 })
      expect(totals({ includeRemoved: false, includeDuplicatesAndWontClaim: true })).toEqual(sum(live))
      expect(totals({ includeRemoved: false, accountId: account.id, includeDuplicatesAndWontClaim: true })).toEqual(sum(live))
      // Asking for duplicates adds up the duplicates (won't-claim ones still left out).
      expect(totals({ includeRemoved: false, flags: { duplicate: true } })).toEqual(sum([live[1]!, live[2]!]))
      expect(core.invoices.leftOutOfTotals({ includeRemoved: false, flags: { duplicate: true } })).toEqual({ count: 0 })

      // The Overview's outstanding tile follows the same rule (it has no switch).
      const openItems = core.invoices.list({ includeRemoved: false, status: 'open', offset: 0, limit: 500 }).items
      expect(openItems.some((item) => item.flags.includes('duplicate') || item.flags.includes('wontClaim'))).toBe(true)
      const outstanding = core.reports.overview(12).currencies.find((currency) => currency.currency === 'AUD')!.outstanding
      expect(outstanding.count).toBe(
        openItems.filter((item) => !item.flags.includes('duplicate') && !item.flags.includes('wontClaim')).length
      )

      // The CLI filters and shows the same flags, and exports them.
      const quire = (...args: string[]) => cliInProcess(dir.path, new MemorySecrets(), args)
      const listed = JSON.parse((await quire('invoices', 'list', '--flag', 'duplicate', '--without-flag', 'errors', '--json')).stdout) as {
        items: { remoteId: string; flags: string[] }[]
      }
      expect(listed.items).toEqual([expect.objectContaining({ remoteId: String(live[1]!.id), flags: ['duplicate'] })])
      expect((await quire('invoices', 'list', '--flag', 'wont-claim')).stdout).toMatch(/\((won’t claim)\)/)
      expect(await quire('invoices', 'list', '--flag', 'dupe')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--flag: expected one of duplicate, wont-claim, errors')
      })
      const [header, ...rows] = parseCsv((await quire('export', '--format', 'csv', '--flag', 'errors')).stdout)
      expect(rows.map((row) => [row[header!.indexOf('duplicate')], row[header!.indexOf('provider_errors')]]).sort()).toEqual([
        ['false', 'true'],
        ['true', 'true']
      ])

      // The provider clears a flag: the next sync clears it here.
      live[1]!.is_duplicate = false
      simulator.changed()
      await core.sync.run()
      expect(flagsOf(live[1]!.id)).toEqual([])
      expect(core.invoices.leftOutOfTotals({ includeRemoved: false })).toEqual({ count: 2 })
    } finally {
      await testCore.close()
    }
  })

  it('syncs through the core: all plan managers, tombstones, and a repeat that duplicates nothing', async () => {
    await start()
    const testCore = await openTestCore()
    const { core } = testCore
    try {
      const account = await core.accounts.add({
        provider: 'caresquare',
        name: 'Plan Co',
        baseUrl: simulator.baseUrl,
        secret: key,
        options: { planManagerIds: [pmA, pmB] }
      })
      const wire = (): CareSquareWireInvoice[] => [...simulator.invoices[pmA]!, ...simulator.invoices[pmB]!]
      const cached = (includeRemoved: boolean): number => core.invoices.list({ includeRemoved, offset: 0, limit: 1 }).total

      const [first] = await core.sync.run()
      expect(first).toMatchObject({ ok: true, pages: 4, upserted: 236, removed: 0, requests: 240, error: null })
      expect(cached(true)).toBe(236)
      expect(cached(false)).toBe(wire().filter((invoice) => !invoice.is_deleted).length)
      expect(core.invoices.get(account.id, 'string')).toMatchObject({ removed: true, currency: 'AUD' })

      const [again] = await core.sync.run()
      expect(again).toMatchObject({ ok: true, upserted: 236, removed: 0 })
      expect(cached(true)).toBe(236)

      const vanished = simulator.invoices[pmB]!.pop()!
      const softDeleted = simulator.invoices[pmA]!.find((invoice) => !invoice.is_deleted && invoice.id !== 'string')!
      softDeleted.is_deleted = true
      simulator.changed()
      const [third] = await core.sync.run()
      expect(third).toMatchObject({ ok: true, upserted: 235, removed: 1 })
      expect(core.invoices.get(account.id, String(vanished.id)).removed).toBe(true)
      expect(core.invoices.get(account.id, String(softDeleted.id)).removed).toBe(true)
      expect(cached(false)).toBe(wire().filter((invoice) => !invoice.is_deleted).length)
    } finally {
      await testCore.close()
    }
  })
})
