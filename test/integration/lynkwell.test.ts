import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../main/base/clock'
import { toScaled } from '../../main/money/decimal'
import type { ConnectorAccount } from '../../main/providers/connector'
import { LynkwellClient } from '../../main/providers/lynkwell/client'
import { LYNKWELL_SEED_INVOICE } from '../../main/simulators/lynkwell/dataset'
import { startLynkwellSimulator, type LynkwellSimulator, type LynkwellSimulatorOptions } from '../../main/simulators/lynkwell/server'
import { errorOf, walkConnector } from '../helpers/connector-walk'
import { fakeClock } from '../helpers/fake-clock'
import { openTestCore } from '../helpers/test-core'

const CLIENT_ID = 'quire-test-client'
const SECRET = 'lw-secret-9c1f3b7e2d4a6f80b1c3d5e7f9a1b3c5'

describe('Lynkwell connector against the simulator', () => {
  let simulator: LynkwellSimulator
  afterEach(() => simulator.close())

  const start = (options: Partial<LynkwellSimulatorOptions> = {}): Promise<LynkwellSimulator> =>
    startLynkwellSimulator({ invoices: 450, seed: 4, clients: { [CLIENT_ID]: { secret: SECRET } }, ...options })

  const account = (overrides: Partial<ConnectorAccount['options']> = {}): ConnectorAccount => ({
    name: 'Fleet billing',
    baseUrl: simulator.baseUrl,
    options: { clientId: CLIENT_ID, tokenUrl: simulator.tokenUrl, audience: simulator.audience, ...overrides }
  })

  it('walks every page with one token, keeping money, statuses, dates and line items exact', async () => {
    simulator = await start()
    const { invoices, pages, requests } = await walkConnector(new LynkwellClient(account(), SECRET, { fetch, clock: fakeClock() }))

    expect(pages).toBe(5)
    expect(simulator.tokenRequests.count).toBe(1)
    expect(requests).toBe(simulator.requests.count + simulator.tokenRequests.count)
    expect(new Set(invoices.map((invoice) => invoice.remoteId)).size).toBe(450)

    // Totals per currency, computed independently from the simulator's numbers in integer cents.
    const expected = new Map<string, bigint>()
    for (const wire of simulator.invoices) {
      const currency = wire.currency.toUpperCase()
      expected.set(
        currency,
        (expected.get(currency) ?? 0n) + BigInt(Math.round(wire.subTotal * 100)) + BigInt(Math.round(wire.taxTotal * 100))
      )
    }
    const actual = new Map<string, bigint>()
    for (const invoice of invoices) actual.set(invoice.currency, (actual.get(invoice.currency) ?? 0n) + toScaled(invoice.total!) / 100n)
    expect(actual).toEqual(expected)
    expect([...actual.keys()].sort()).toEqual(['CAD', 'STRING', 'USD'])

    const byId = new Map(invoices.map((invoice) => [invoice.remoteId, invoice]))
    const STATUS: Record<string, string> = { DRAFT: 'draft', OPEN: 'open', UNCOLLECTIBLE: 'open', PAID: 'paid', VOID: 'void' }
    for (const wire of simulator.invoices) {
      const invoice = byId.get(wire.id)!
      expect(invoice.status).toBe(STATUS[wire.status] ?? 'unknown')
      expect(invoice.rawStatus).toBe(wire.status)
      const [strings, items] = [wire.invoiceItems ?? [], wire.subscriptionItems ?? []]
      expect(invoice.lineItems.map((line) => line.position)).toEqual([...Array(strings.length + items.length).keys()])
      expect(invoice.lineItems.slice(0, strings.length).map((line) => line.description)).toEqual(strings)
      expect(invoice.lineItems.slice(strings.length).map((line) => (line.amount === null ? null : toScaled(line.amount) / 100n))).toEqual(
        items.map((item) => BigInt(Math.round(item.total! * 100)))
      )
      expect(invoice.hasPdf).toBe(Boolean(wire.pdfUrl))
    }
  })

  it('maps the seed page’s example verbatim, and the edge cases exactly', async () => {
    simulator = await start({ invoices: 10 })
    const { invoices } = await walkConnector(new LynkwellClient(account(), SECRET, { fetch, clock: fakeClock() }))
    const [seed, floats, huge, nulls, unmapped, markup] = invoices
    expect(seed).toMatchObject({
      remoteId: 'string',
      status: 'draft',
      rawStatus: 'DRAFT',
      counterparty: 'string',
      currency: 'STRING',
      subtotal: '123',
      tax: '123',
      total: '246.00',
      hasPdf: true,
      issueDate: '2023-06-07',
      dueDate: null,
      periodStart: '2023-06-07T17:32:28Z',
      periodEnd: '2023-06-07T17:32:28Z',
      remoteCreatedAt: '2023-06-07T17:32:28Z',
      lineItems: [
        { position: 0, description: 'string', quantity: null, unitPrice: null, amount: null },
        { position: 1, description: 'string', quantity: null, unitPrice: null, amount: '123' }
      ]
    })
    expect(seed!.raw).toEqual(LYNKWELL_SEED_INVOICE)
    expect(floats).toMatchObject({ subtotal: '0.1', tax: '0.2', total: '0.30' })
    expect(huge).toMatchObject({ subtotal: '1234567.89', tax: '98765.43', total: '1333333.32' })
    expect(nulls).toMatchObject({ currency: 'CAD', hasPdf: false, periodStart: null, periodEnd: null, total: '0.00', lineItems: [] })
    expect(unmapped).toMatchObject({ status: 'unknown', rawStatus: 'PROCESSING', hasPdf: false })
    expect(markup!.lineItems[0]!.description).toBe('<img src=x onerror=alert(1)> session')
    expect(markup!.lineItems[1]!.description).toBe('Séance de recharge — 東京 Station 7')
  })

  it('renews a token that is about to expire between pages, before using it', async () => {
    const clock = fakeClock()
    simulator = await start({ tokenTtlSeconds: 600, now: () => clock.now().getTime() })
    const { invoices } = await walkConnector(new LynkwellClient(account(), SECRET, { fetch, clock }), {
      between: () => clock.sleep(300_000)
    })
    expect(invoices).toHaveLength(450)
    expect(simulator.tokenRequests.count).toBe(3)
    expect(simulator.unauthorized.count).toBe(0)
  })

  it('drops a token the server refuses mid-walk and retries that page once with a fresh one', async () => {
    const clock = fakeClock()
    let skewMs = 0
    // The server's clock runs ahead of ours: the token dies while the client still trusts it.
    simulator = await start({ tokenTtlSeconds: 3_600, now: () => clock.now().getTime() + skewMs })
    const { invoices, requests } = await walkConnector(new LynkwellClient(account(), SECRET, { fetch, clock }), {
      between: async (page) => {
        if (page === 2) skewMs = 3_600_000
        if (page === 4) simulator.revokeTokens()
      }
    })
    expect(invoices).toHaveLength(450)
    expect(simulator.unauthorized.count).toBe(2)
    expect(simulator.tokenRequests.count).toBe(3)
    expect(requests).toBe(simulator.requests.count + simulator.tokenRequests.count)
  })

  it('fails clearly on wrong client credentials or audience, never quoting the secret', async () => {
    simulator = await start({ invoices: 3 })
    const clock = fakeClock()
    const wrongSecret = 'lw-wrong-secret-0123456789abcdef'
    const bySecret = await errorOf(new LynkwellClient(account(), wrongSecret, { fetch, clock }).fetchPage(null))
    expect(bySecret.code).toBe('PROVIDER_AUTH')
    expect(bySecret.message).toMatch(
      /^Lynkwell account “Fleet billing”: .*rejected the client id “quire-test-client”.*Lynkwell said: “Unauthorized \(access_denied\)”.*API Clients/
    )
    expect(bySecret.message).not.toContain(wrongSecret)

    const byClient = await errorOf(new LynkwellClient(account({ clientId: 'someone-else' }), SECRET, { fetch, clock }).testConnection())
    expect(byClient).toMatchObject({ code: 'PROVIDER_AUTH', message: expect.stringMatching(/“someone-else”.*Unauthorized/) })
    expect(byClient.message).not.toContain(SECRET)

    const byAudience = await errorOf(
      new LynkwellClient(account({ audience: 'https://elsewhere.example' }), SECRET, { fetch, clock }).fetchPage(null)
    )
    expect(byAudience).toMatchObject({
      code: 'PROVIDER_AUTH',
      message: expect.stringMatching(/audience “https:\/\/elsewhere\.example”.*Service not found/)
    })
    expect(simulator.requests.count).toBe(0)

    expect(await new LynkwellClient(account(), SECRET, { fetch, clock }).testConnection()).toMatch(
      /Connected to Lynkwell with API client “quire-test-client”/
    )
  })

  it('fails with PROVIDER_AUTH when even a fresh token is refused, quoting neither secret nor token', async () => {
    const clock = fakeClock()
    // A server clock that jumps a minute per look: every token is dead when used, so the one retry cannot help.
    let serverNow = clock.now().getTime()
    simulator = await start({ invoices: 3, tokenTtlSeconds: 60, now: () => (serverNow += 61_000) })
    const issued: string[] = []
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (String(input).endsWith('/oauth/token')) issued.push(((await response.clone().json()) as { access_token: string }).access_token)
      return response
    }
    const { code, message } = await errorOf(new LynkwellClient(account(), SECRET, { fetch: recording, clock }).fetchPage(null))
    expect(code).toBe('PROVIDER_AUTH')
    expect(message).toMatch(/“Fleet billing”: Lynkwell refused a freshly issued access token\. Lynkwell said: “The access token expired”/)
    expect(simulator.unauthorized.count).toBe(2)
    expect(issued).toHaveLength(2)
    for (const secret of [SECRET, ...issued]) expect(message).not.toContain(secret)
  })

  it('keeps a record with an unreadable subTotal with its total unknown, and skips one that fails its schema, naming the field', async () => {
    simulator = await start({ invoices: 5 })
    ;(simulator.invoices[3] as unknown as { subTotal: unknown }).subTotal = '12.50'
    ;(simulator.invoices[2] as unknown as { createdAt: unknown }).createdAt = 'yesterday'
    const page = await new LynkwellClient(account(), SECRET, { fetch, clock: fakeClock() }).fetchPage(null)
    expect(page.invoices.find((invoice) => invoice.remoteId === simulator.invoices[3]!.id)).toMatchObject({ total: null, subtotal: null })
    expect(page.skipped).toEqual([
      expect.objectContaining({ remoteId: simulator.invoices[2]!.id, field: 'createdAt', reason: expect.stringMatching(/ISO 8601/) })
    ])
  })

  it('restarts the walk when its resume point is unreadable or has vanished upstream', async () => {
    simulator = await start({ invoices: 150 })
    const client = new LynkwellClient(account(), SECRET, { fetch, clock: fakeClock() })
    const first = await client.fetchPage(null)
    const resumed = await client.fetchPage(first.next)
    expect(resumed.invoices[0]!.remoteId).toBe(simulator.invoices[100]!.id)

    expect((await client.fetchPage('not json')).invoices[0]!.remoteId).toBe('string')
    simulator.invoices.splice(99, 1)
    simulator.changed()
    const restarted = await client.fetchPage(first.next)
    expect(restarted.invoices[0]!.remoteId).toBe('string')
    expect(restarted.requests).toBe(2)
  })
})

describe('Lynkwell through the core', () => {
  it('syncs, survives a token revoked mid-sync, repeats without duplicates, and reports wrong secrets', async () => {
    const clock: Clock = fakeClock()
    const simulator = await startLynkwellSimulator({
      invoices: 320,
      seed: 9,
      clients: { [CLIENT_ID]: { secret: SECRET } },
      now: () => clock.now().getTime()
    })
    const testCore = await openTestCore({ clock })
    const { core } = testCore
    try {
      // No audience given: the provider definition fills Lynkwell's documented one, which the simulator expects.
      const added = await core.accounts.add({
        provider: 'lynkwell',
        name: 'Fleet',
        baseUrl: simulator.baseUrl,
        secret: SECRET,
        options: { clientId: CLIENT_ID, tokenUrl: simulator.tokenUrl }
      })
      expect(added.options).toMatchObject({ clientId: CLIENT_ID, audience: 'https://api.lynkwell.com' })

      const stop = core.events.subscribe((event, payload) => {
        if (event === 'sync.progress' && (payload as { pages: number }).pages === 2) simulator.revokeTokens()
      })
      const [first] = await core.sync.run()
      stop()
      expect(first).toMatchObject({ ok: true, pages: 4, upserted: 320, removed: 0 })
      expect(simulator.unauthorized.count).toBe(1)

      const [second] = await core.sync.run()
      expect(second).toMatchObject({ ok: true, pages: 4, upserted: 320, removed: 0 })
      const page = core.invoices.list({ includeRemoved: true, offset: 0, limit: 500 })
      expect(page.total).toBe(320)
      expect(core.invoices.get(added.id, 'string')).toMatchObject({
        total: '246.00',
        currency: 'STRING',
        lineItems: [{ description: 'string' }, { amount: '123' }]
      })

      await expect(core.accounts.replaceSecret(added.id, 'not-the-secret')).rejects.toMatchObject({ code: 'PROVIDER_AUTH' })
      await core.accounts.replaceSecret(added.id, 'not-the-secret', { skipCheck: true })
      const [failed] = await core.sync.run()
      expect(failed).toMatchObject({ ok: false, error: { code: 'PROVIDER_AUTH', message: expect.stringMatching(/“Fleet”.*Unauthorized/) } })
      expect(failed!.error!.message).not.toContain('not-the-secret')
      expect(core.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total).toBe(320)
    } finally {
      await testCore.close()
      await simulator.close()
    }
  })
})
