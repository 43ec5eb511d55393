import { afterEach, describe, expect, it } from 'vitest'
import { YETI_PAGE_SIZE, YetiClient } from '../../main/providers/yeti/client'
import { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { SEED_INVOICE_ID, type YetiSimInvoice } from '../../main/simulators/yeti/dataset'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { errorOf, walkConnector } from '../helpers/connector-walk'
import { fakeClock } from '../helpers/fake-clock'
import { openTestCore } from '../helpers/test-core'

const LOGIN = 'noc@acme-voice'
const PASSWORD = 'correct horse battery staple'
const users = { [LOGIN]: { password: PASSWORD } }

/** Seed 002's response body, verbatim; the published example ran against host example.org. */
const SEED_002_BODY = `{
  "data": {
    "id": "abb41d30-a26e-11ef-be6d-0242ac120003",
    "type": "invoices",
    "links": {
      "self": "http://example.org/api/rest/customer/v1/invoices/abb41d30-a26e-11ef-be6d-0242ac120003"
    },
    "attributes": {
      "reference": "23",
      "start-date": "2024-11-07T09:56:08.253Z",
      "end-date": "2024-11-13T09:56:08.253Z",
      "has-pdf": false,
      "amount-spent": "0.0",
      "originated-amount-spent": "0.0",
      "originated-calls-count": 0,
      "originated-successful-calls-count": 0,
      "originated-calls-duration": 0,
      "originated-billing-duration": 0,
      "originated-first-call-at": null,
      "originated-last-call-at": null,
      "terminated-amount-spent": "0.0",
      "terminated-calls-count": 0,
      "terminated-successful-calls-count": 0,
      "terminated-calls-duration": 0,
      "terminated-billing-duration": 0,
      "terminated-first-call-at": null,
      "terminated-last-call-at": null,
      "services-amount-spent": "0.0",
      "service-transactions-count": 0
    },
    "relationships": {
      "account": {
        "links": {
          "self": "http://example.org/api/rest/customer/v1/invoices/abb41d30-a26e-11ef-be6d-0242ac120003/relationships/account",
          "related": "http://example.org/api/rest/customer/v1/invoices/abb41d30-a26e-11ef-be6d-0242ac120003/account"
        }
      }
    }
  }
}`

describe('Yeti-Switch connector against the simulator', () => {
  let simulator: YetiSimulator
  afterEach(() => simulator.close())

  const client = (password = PASSWORD, baseUrl = simulator.baseUrl): YetiClient =>
    new YetiClient({ name: 'Acme Voice', baseUrl, options: { login: LOGIN } }, password, { fetch, clock: fakeClock() })
  const approved = (): YetiSimInvoice[] => simulator.invoices.filter((invoice) => invoice.state === 'approved')

  it('walks every page with accounts side-loaded: counts, exact totals per currency, statuses, line items', async () => {
    simulator = await startYetiSimulator({ users, invoices: 2_600, seed: 5 })
    const { invoices, pages, requests } = await walkConnector(client())

    expect(pages).toBe(Math.ceil(approved().length / YETI_PAGE_SIZE))
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(requests).toBe(pages + 1) // one login, then one request a page
    expect(simulator.logins.count).toBe(1)
    expect(new Set(invoices.map((invoice) => invoice.remoteId))).toEqual(new Set(approved().map((invoice) => invoice.id)))
    expect(invoices).toHaveLength(approved().length)
    for (const invoice of invoices) expect(() => UnifiedInvoice.parse(invoice)).not.toThrow()

    const currencyOf = new Map(simulator.accounts.map((account) => [account.id, account.attributes.currency]))
    const expected = exactTotals(
      approved().map((invoice) => ({ currency: currencyOf.get(invoice.accountId)!, total: invoice.attributes['amount-spent'] }))
    )
    expect(exactTotals(invoices.map((invoice) => ({ currency: invoice.currency, total: invoice.total! })))).toEqual(expected)
    expect(Object.keys(expected).sort()).toEqual(['BRL', 'EUR', 'GBP', 'USD'])

    expect(new Set(invoices.map((invoice) => `${invoice.status}/${invoice.rawStatus}`))).toEqual(new Set(['open/approved']))
    expect(invoices.some((invoice) => invoice.counterparty === '<img src=x onerror=alert(1)> Pentest Trunk')).toBe(true)
    expect(invoices.some((invoice) => invoice.hasPdf) && invoices.some((invoice) => !invoice.hasPdf)).toBe(true)

    // The line items are the invoice's own breakdown, and add up to its total exactly.
    const busy = invoices.find((invoice) => invoice.lineItems.length === 3)!
    const wire = approved().find((invoice) => invoice.id === busy.remoteId)!.attributes
    expect(busy.lineItems.map((line) => [line.position, line.description, line.amount])).toEqual([
      [
        0,
        `Originated calls: ${wire['originated-calls-count']} calls, ${wire['originated-successful-calls-count']} successful, ${wire['originated-billing-duration']} s billed`,
        wire['originated-amount-spent']
      ],
      [
        1,
        `Terminated calls: ${wire['terminated-calls-count']} calls, ${wire['terminated-successful-calls-count']} successful, ${wire['terminated-billing-duration']} s billed`,
        wire['terminated-amount-spent']
      ],
      [2, `Services: ${wire['service-transactions-count']} transactions`, wire['services-amount-spent']]
    ])
    for (const invoice of invoices.filter((candidate) => candidate.lineItems.length > 0)) {
      expect(exactTotals(invoice.lineItems.map((line) => ({ currency: 'X', total: line.amount! })))).toEqual({
        X: exactTotals([{ currency: 'X', total: invoice.total! }]).X
      })
    }

    // Seed 002's record: period bounds stay instants, the issue date is the period end's UTC date.
    expect(invoices.find((invoice) => invoice.remoteId === SEED_INVOICE_ID)).toMatchObject({
      number: '23',
      total: '0.0',
      currency: 'USD',
      counterparty: 'Main SIP trunk',
      periodStart: '2024-11-07T09:56:08.253Z',
      periodEnd: '2024-11-13T09:56:08.253Z',
      issueDate: '2024-11-13',
      dueDate: null,
      hasPdf: false,
      lineItems: []
    })
  })

  it('speaks the documented wire format: login, JWT, seed 002 verbatim, page limits, errors', async () => {
    const now = Date.UTC(2024, 10, 14, 10, 0, 0)
    simulator = await startYetiSimulator({ users, invoices: 60, now: () => now })
    const login = (password: string): Promise<Response> =>
      fetch(`${simulator.baseUrl}/auth`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ auth: { login: LOGIN, password } })
      })

    const refused = await login('wrong')
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({
      errors: [{ title: 'Authentication failed', detail: 'Incorrect login or password.', code: '401', status: '401' }]
    })

    const granted = await login(PASSWORD)
    expect(granted.status).toBe(201)
    const { jwt } = (await granted.json()) as { jwt: string }
    const [header, claims] = jwt
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown)
    expect(header).toEqual({ alg: 'HS256' })
    expect(claims).toEqual({ sub: 1, aud: ['customer-v1'], exp: now / 1000 + 600 })

    const get = (
      path: string,
      headers: Record<string, string> = { Authorization: jwt, Accept: 'application/vnd.api+json' }
    ): Promise<Response> => fetch(`${simulator.baseUrl}${path}`, { headers })
    const seed = await get(`/invoices/${SEED_INVOICE_ID}`)
    expect(seed.headers.get('content-type')).toBe('application/vnd.api+json')
    expect(await seed.json()).toEqual(JSON.parse(SEED_002_BODY.replaceAll('http://example.org', new URL(simulator.baseUrl).origin)))

    const page = (await (await get('/invoices?include=account&page[number]=2&page[size]=20&sort=start-date,id')).json()) as {
      data: { relationships: { account: { data: { id: string } } } }[]
      included: { type: string; id: string; attributes: { currency: string } }[]
      meta: Record<string, number>
      links: Record<string, string>
    }
    expect(page.data).toHaveLength(20)
    expect(page.meta).toEqual({ 'total-count': approved().length })
    expect(Object.keys(page.links)).toEqual(['first', 'prev', 'next', 'last'])
    expect(new URL(page.links.next!).searchParams.get('page[number]')).toBe('3')
    const includedIds = new Set(page.included.map((resource) => resource.id))
    for (const invoice of page.data) expect(includedIds.has(invoice.relationships.account.data.id)).toBe(true)

    const tooBig = await get(`/invoices?page[size]=${YETI_PAGE_SIZE + 1}`)
    expect(tooBig.status).toBe(400)
    expect(await tooBig.json()).toEqual({
      errors: [{ title: 'Invalid page value', detail: 'size exceeds maximum page size of 1000.', code: '118', status: '400' }]
    })
    expect((await get('/invoices', { Authorization: jwt, Accept: 'application/json' })).status).toBe(406)
    const anonymous = await get('/invoices', { Accept: 'application/vnd.api+json' })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({
      errors: [{ title: 'Authorization failed', detail: 'Authorization token expired or incorrect.', code: '401', status: '401' }]
    })
    // Approved invoices only: the others are not found, not forbidden.
    const unapproved = simulator.invoices.find((invoice) => invoice.state !== 'approved')!
    expect((await get(`/invoices/${unapproved.id}`)).status).toBe(404)
  })

  it('maps a refused login to PROVIDER_AUTH naming the account and quoting Yeti, never the password', async () => {
    simulator = await startYetiSimulator({ users, invoices: 8 })
    const wrong = await errorOf(client('Tr0ub4dor&3').fetchPage(null))
    expect(wrong.code).toBe('PROVIDER_AUTH')
    expect(wrong.message).toMatch(
      /^Yeti-Switch account “Acme Voice”: the login “noc@acme-voice” was refused\. Yeti-Switch said: “Authentication failed: Incorrect login or password”\. .*Customer Portal Logins.*replace the password/
    )
    expect(wrong.message).not.toContain('Tr0ub4dor&3')
    expect(await client().testConnection()).toBe(
      `Connected to Yeti-Switch at ${new URL(simulator.baseUrl).host} as “noc@acme-voice”: ${approved().length} approved invoices.`
    )

    const wrongBase = await errorOf(client(PASSWORD, simulator.baseUrl.replace('/v1', '/v2')).testConnection())
    expect(wrongBase).toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: expect.stringMatching(/nothing found at .*\/v2\/auth \(404\)\. Check the base URL/)
    })
  })

  it('logs in again once on a refused token, and does not loop when the new one is refused too', async () => {
    // Tokens that expire as they are issued: the retry after the second login fails as well.
    simulator = await startYetiSimulator({ users, invoices: 3, jwtTtlSeconds: 0 })
    const failed = await errorOf(client().fetchPage(null))
    expect(failed).toMatchObject({
      code: 'PROVIDER_AUTH',
      message: expect.stringMatching(
        /refused the session token it issued\. Yeti-Switch said: “Authorization failed: Authorization token expired or incorrect”/
      )
    })
    expect(simulator.logins.count).toBe(2)
    expect(simulator.requests.count).toBe(4)
  })

  it('keeps an invoice whose total is unreadable with the amount unknown, and skips one that fails its schema, naming the field', async () => {
    simulator = await startYetiSimulator({ users, invoices: 20 })
    const [unreadable, broken] = [approved()[4]!, approved()[6]!]
    ;(unreadable.attributes as unknown as Record<string, unknown>)['amount-spent'] = 12.5
    ;(broken.attributes as unknown as Record<string, unknown>)['start-date'] = 'last month'
    const page = await client().fetchPage(null)
    expect(page.invoices.find((invoice) => invoice.remoteId === unreadable.id)).toMatchObject({ total: null })
    expect(page.skipped).toEqual([
      expect.objectContaining({ remoteId: broken.id, field: 'attributes.start-date', reason: expect.stringMatching(/ISO 8601/) })
    ])
  })

  it('tolerates unknown fields, nulls and older installs, keeps money exact, and maps an invoice whose account is missing', async () => {
    simulator = await startYetiSimulator({ users, invoices: 12 })
    const [first, second, third] = approved().filter((invoice) => invoice.id !== SEED_INVOICE_ID)
    // Exact to the last place given, as long as the amount is within what the cache sums (±10^14).
    Object.assign(first!.attributes, { reference: null, 'amount-spent': '10000000000000.000000000001', surprise: { nested: true } })
    // Before 2023-12 the total was `amount` and there was no per-side breakdown.
    const legacy = second!.attributes as unknown as Record<string, unknown>
    for (const key of Object.keys(legacy)) if (/^(originated|terminated|services?)-|^amount-spent$/.test(key)) delete legacy[key]
    legacy.amount = '42.5'
    // An account the customer no longer has: its invoices are served, but it is not side-loaded.
    simulator.accounts.splice(
      simulator.accounts.findIndex((account) => account.id === third!.accountId),
      1
    )

    const { invoices } = await walkConnector(client())
    const byId = new Map(invoices.map((invoice) => [invoice.remoteId, invoice]))
    expect(byId.get(first!.id)).toMatchObject({ number: null, total: '10000000000000.000000000001' })
    expect((byId.get(first!.id)!.raw as { attributes: { surprise: unknown } }).attributes.surprise).toEqual({ nested: true })
    expect(byId.get(second!.id)).toMatchObject({ total: '42.5', lineItems: [] })
    for (const invoice of approved().filter((candidate) => candidate.accountId === third!.accountId)) {
      expect(byId.get(invoice.id)).toMatchObject({ currency: 'XXX', counterparty: null, total: invoice.attributes['amount-spent'] })
    }
  })

  it("keeps the server's calendar date when it sends its own offset ($YETI_TZ), and normalises only the instants", async () => {
    simulator = await startYetiSimulator({ users, invoices: 12, seed: 3, timeZone: '+02:00' })
    // February's invoice in Kyiv: the period closes at local midnight, 22:00 UTC on 31 January.
    const kyiv = approved()[1]!
    Object.assign(kyiv.attributes, { 'start-date': '2024-12-31T22:00:00.000Z', 'end-date': '2025-01-31T22:00:00.000Z' })
    simulator.changed()

    const sent = (await (
      await fetch(`${simulator.baseUrl}/invoices/${kyiv.id}`, {
        headers: { Authorization: await jwtFor(simulator), Accept: 'application/vnd.api+json' }
      })
    ).json()) as {
      data: { attributes: Record<string, unknown> }
    }
    expect(sent.data.attributes['end-date']).toBe('2025-02-01T00:00:00.000+02:00')

    const { invoices } = await walkConnector(client())
    expect(invoices.find((invoice) => invoice.remoteId === kyiv.id)).toMatchObject({
      issueDate: '2025-02-01',
      periodStart: '2024-12-31T22:00:00.000Z',
      periodEnd: '2025-01-31T22:00:00.000Z'
    })
  })

  it('reads a server west of UTC by its own calendar too (an IANA zone, daylight saving included)', async () => {
    simulator = await startYetiSimulator({ users, invoices: 12, seed: 3, timeZone: 'America/New_York' })
    const late = approved()[2]!
    // 22:30 on 31 January in New York (EST, -05:00) is already 1 February in UTC.
    Object.assign(late.attributes, { 'start-date': '2025-01-01T05:00:00.000Z', 'end-date': '2025-02-01T03:30:00.000Z' })
    const summer = approved()[3]!
    // 23:00 on 31 July in New York (EDT, -04:00).
    Object.assign(summer.attributes, { 'start-date': '2025-07-01T04:00:00.000Z', 'end-date': '2025-08-01T03:00:00.000Z' })
    simulator.changed()

    const { invoices } = await walkConnector(client())
    expect(invoices.find((invoice) => invoice.remoteId === late.id)).toMatchObject({
      issueDate: '2025-01-31',
      periodEnd: '2025-02-01T03:30:00.000Z'
    })
    expect(invoices.find((invoice) => invoice.remoteId === summer.id)).toMatchObject({
      issueDate: '2025-07-31',
      periodEnd: '2025-08-01T03:00:00.000Z'
    })
  })

  it('resumes from its cursor, and starts over from a cursor it cannot use', async () => {
    simulator = await startYetiSimulator({ users, invoices: 2_100 })
    const yeti = client()
    const first = await yeti.fetchPage(null)
    const second = await yeti.fetchPage(first.next)
    expect(second.invoices[0]!.remoteId).not.toBe(first.invoices[0]!.remoteId)
    const resumed = await client().fetchPage(first.next)
    expect(resumed.invoices.map((invoice) => invoice.remoteId)).toEqual(second.invoices.map((invoice) => invoice.remoteId))
    for (const stale of [
      'not json',
      'null',
      JSON.stringify({ sort: '-start_date', size: YETI_PAGE_SIZE, page: 2 }),
      JSON.stringify({ sort: 'start_date,id', size: 50, page: 2 })
    ]) {
      expect((await yeti.fetchPage(stale)).invoices[0]!.remoteId).toBe(first.invoices[0]!.remoteId)
    }
  })
})

describe('Yeti-Switch sync through the core', () => {
  it('survives a token expiring mid-walk by logging in again, and a second sync duplicates nothing', async () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0)
    const simulator = await startYetiSimulator({ users, invoices: 2_400, seed: 9, jwtTtlSeconds: 60, now: () => now })
    // Between one page's answer and the next page's request, longer passes than the token lives.
    let pageTurnsTakeLong = false
    const slowPageTurns: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if (pageTurnsTakeLong && response.ok && new URL(String(input)).pathname.endsWith('/invoices')) now += 120_000
      return response
    }
    const testCore = await openTestCore({ fetch: slowPageTurns })
    const { core } = testCore
    try {
      await expect(
        core.accounts.add({ provider: 'yeti', name: 'Acme Voice', baseUrl: simulator.baseUrl, secret: PASSWORD })
      ).rejects.toMatchObject({ code: 'VALIDATION' })
      const account = await core.accounts.add({
        provider: 'yeti',
        name: 'Acme Voice',
        baseUrl: simulator.baseUrl,
        secret: PASSWORD,
        options: { login: LOGIN }
      })
      pageTurnsTakeLong = true
      const live = simulator.invoices.filter((invoice) => invoice.state === 'approved').length
      const pages = Math.ceil(live / YETI_PAGE_SIZE)

      const [outcome] = await core.sync.run()
      expect(outcome).toMatchObject({ ok: true, pages, upserted: live, removed: 0, error: null })
      expect(simulator.logins.count).toBe(pages) // the first login, then one after each expiry
      expect(outcome!.requests).toBe(pages + pages + (pages - 1)) // pages, logins, refused requests
      expect(core.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total).toBe(live)
      expect(core.invoices.get(account.id, SEED_INVOICE_ID)).toMatchObject({
        provider: 'yeti',
        number: '23',
        total: '0.0',
        currency: 'USD',
        status: 'open',
        rawStatus: 'approved'
      })

      // An invoice withdrawn upstream (no longer approved) becomes a tombstone; nothing doubles.
      const withdrawn = simulator.invoices.find((invoice) => invoice.state === 'approved' && invoice.id !== SEED_INVOICE_ID)!
      withdrawn.state = 'pending'
      simulator.changed()
      const [again] = await core.sync.run()
      pageTurnsTakeLong = false
      expect(again).toMatchObject({ ok: true, resumed: false, upserted: live - 1, removed: 1 })
      expect(core.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total).toBe(live)
      expect(core.invoices.get(account.id, withdrawn.id).removed).toBe(true)
    } finally {
      await testCore.close()
      await simulator.close()
    }
  })

  it('keeps an invoice that a removal mid-walk shifted onto a page already fetched', async () => {
    const simulator = await startYetiSimulator({ users, invoices: 2_400, seed: 9 })
    // Just as page 1 is answered, its first invoice is withdrawn upstream: everything after it
    // moves a place up, and page 2's first invoice slips onto page 1, which the walk has done.
    let withdrawNext = false
    let withdrawn: string | null = null
    const midWalkRemoval: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      const url = new URL(String(input))
      if (withdrawNext && url.pathname.endsWith('/invoices') && url.searchParams.get('page[number]') === '1') {
        withdrawNext = false
        withdrawn = ((await response.clone().json()) as { data: { id: string }[] }).data[0]!.id
        simulator.invoices.find((invoice) => invoice.id === withdrawn)!.state = 'pending'
        simulator.changed()
      }
      return response
    }
    const testCore = await openTestCore({ fetch: midWalkRemoval })
    const { core } = testCore
    try {
      const account = await core.accounts.add({
        provider: 'yeti',
        name: 'Acme Voice',
        baseUrl: simulator.baseUrl,
        secret: PASSWORD,
        options: { login: LOGIN }
      })
      expect(await core.sync.run(account.id)).toMatchObject([{ ok: true, removed: 0 }])
      withdrawNext = true
      const stillApproved = () => simulator.invoices.filter((candidate) => candidate.state === 'approved')
      // This walk listed the withdrawn invoice before it went, and missed the one that moved up:
      // that one is asked for by id, found, and kept.
      const [walk] = await core.sync.run(account.id, { full: true })
      expect(withdrawn).not.toBeNull()
      expect(walk).toMatchObject({ ok: true, removed: 0 })
      for (const invoice of stillApproved()) expect(core.invoices.get(account.id, invoice.id).removed, invoice.id).toBe(false)
      // The next walk does not list the withdrawn one, and Yeti confirms it is gone.
      const [next] = await core.sync.run(account.id, { full: true })
      expect(next).toMatchObject({ ok: true, removed: 1 })
      expect(core.invoices.get(account.id, withdrawn!).removed).toBe(true)
      for (const invoice of stillApproved()) expect(core.invoices.get(account.id, invoice.id).removed, invoice.id).toBe(false)
    } finally {
      await testCore.close()
      await simulator.close()
    }
  })
})

/**
 * Exact sums per currency, independent of Quire's money code: every amount is scaled to 12
 * places (the most the simulator writes) and added as a BigInt.
 */
function exactTotals(rows: { currency: string; total: string }[]): Record<string, string> {
  const sums = new Map<string, bigint>()
  for (const { currency, total } of rows) {
    const [whole, fraction = ''] = total.split('.')
    if (fraction.length > 12) throw new Error(`more than 12 places: ${total}`)
    sums.set(currency, (sums.get(currency) ?? 0n) + BigInt(whole! + fraction.padEnd(12, '0')))
  }
  return Object.fromEntries(
    [...sums].sort().map(([currency, sum]) => [currency, `${sum / 10n ** 12n}.${(sum % 10n ** 12n).toString().padStart(12, '0')}`])
  )
}

async function jwtFor(simulator: YetiSimulator): Promise<string> {
  const response = await fetch(`${simulator.baseUrl}/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ auth: { login: LOGIN, password: PASSWORD } })
  })
  return ((await response.json()) as { jwt: string }).jwt
}
