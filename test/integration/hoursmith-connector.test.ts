import { afterEach, describe, expect, it } from 'vitest'
import { HoursmithClient } from '../../main/providers/hoursmith/client'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { normalizeDecimal, toScaled } from '../../main/money/decimal'
import { errorOf } from '../helpers/connector-walk'
import { openTestCore } from '../helpers/test-core'
import { fakeClock } from '../helpers/fake-clock'
import { hoursmithToken } from '../helpers/tokens'

describe('Hoursmith connector against the simulator', () => {
  let simulator: HoursmithSimulator
  afterEach(() => simulator.close())

  it('maps 401, 402 and 403 to typed errors that say what to do, never echoing the token', async () => {
    const [free, member, good] = [hoursmithToken(), hoursmithToken(), hoursmithToken()]
    simulator = await startHoursmithSimulator({
      invoices: 3,
      tokens: { [free]: { plan: 'free' }, [member]: { role: 'member' }, [good]: {} }
    })
    const client = (token: string): HoursmithClient =>
      new HoursmithClient(simulator.baseUrl, token, 'Studio', { fetch, clock: fakeClock() })

    const wrong = await errorOf(client(hoursmithToken()).fetchPage(null))
    expect(wrong.code).toBe('PROVIDER_AUTH')
    expect(wrong.message).toMatch(/Studio.*token was rejected.*Settings → API/)
    expect(await errorOf(client(free).fetchPage(null))).toMatchObject({
      code: 'PROVIDER_PLAN',
      message: expect.stringMatching(/studio plan/)
    })
    expect(await errorOf(client(member).fetchPage(null))).toMatchObject({
      code: 'PROVIDER_SCOPE',
      message: expect.stringMatching(/Owner, Admin or Manager/)
    })
    for (const token of [free, member]) {
      const { message } = await errorOf(client(token).fetchPage(null))
      expect(message).not.toContain(token)
    }
    expect(await client(good).testConnection()).toMatch(/Demo Studio/)
  })

  it('honours Retry-After on 429 and finishes the walk', async () => {
    const token = hoursmithToken()
    const clock = fakeClock()
    simulator = await startHoursmithSimulator({
      invoices: 1_000,
      tokens: { [token]: {} },
      rateLimits: { burst: 2, burstWindowMs: 10_000, sustained: 600, sustainedWindowMs: 60_000 },
      now: () => clock.now().getTime()
    })
    const client = new HoursmithClient(simulator.baseUrl, token, 'Studio', { fetch, clock })
    const seen = new Set<string>()
    let cursor: string | null = null
    let requests = 0
    do {
      const page = await client.fetchPage(cursor)
      page.invoices.forEach((invoice) => seen.add(invoice.remoteId))
      requests += page.requests
      cursor = page.next
    } while (cursor !== null)
    expect(seen.size).toBe(1_000)
    expect(requests).toBeGreaterThan(5)
    // Every wait was what the server asked for (whole seconds), not a guess.
    expect(clock.sleeps.length).toBeGreaterThan(0)
    for (const ms of clock.sleeps) expect(ms % 1000).toBe(0)
  })

  it('fails with a clear error when the rate limit asks for a longer wait than a sync should block', async () => {
    const token = hoursmithToken()
    const clock = fakeClock()
    simulator = await startHoursmithSimulator({
      invoices: 10,
      tokens: { [token]: {} },
      rateLimits: { burst: 1, burstWindowMs: 600_000, sustained: 600, sustainedWindowMs: 600_000 },
      now: () => clock.now().getTime()
    })
    const client = new HoursmithClient(simulator.baseUrl, token, 'Studio', { fetch, clock })
    await client.testConnection()
    expect(await errorOf(client.fetchPage(null))).toMatchObject({
      code: 'PROVIDER_RATE_LIMITED',
      message: expect.stringMatching(/Sync again in 600 s/)
    })
  })

  it('keeps a record whose total is unreadable with the amount unknown, and skips one that fails its schema, naming the field', async () => {
    const token = hoursmithToken()
    simulator = await startHoursmithSimulator({ invoices: 5, tokens: { [token]: {} } })
    ;(simulator.invoices[3] as unknown as { total: number }).total = 12.5
    ;(simulator.invoices[1] as unknown as { issueDate: string }).issueDate = '02/01/2026'
    simulator.changed()
    const client = new HoursmithClient(simulator.baseUrl, token, 'Studio', { fetch, clock: fakeClock() })
    const page = await client.fetchPage(null)
    expect(page.invoices).toHaveLength(4)
    expect(page.invoices.find((invoice) => invoice.remoteId === simulator.invoices[3]!.id)).toMatchObject({ total: null })
    expect(page.skipped).toEqual([
      expect.objectContaining({
        remoteId: simulator.invoices[1]!.id,
        field: 'issueDate',
        reason: expect.stringMatching(/expected a date YYYY-MM-DD/)
      })
    ])
  })

  it('tolerates unknown fields and documented nulls, and keeps money exact', async () => {
    const token = hoursmithToken()
    simulator = await startHoursmithSimulator({ invoices: 1, tokens: { [token]: {} } })
    // Near the largest amount the cache sums exactly (below ±10^14), still to the cent.
    Object.assign(simulator.invoices[0]!, {
      total: '10000000000000.10',
      subtotal: '9090909090909.19',
      discountAmount: null,
      dueDate: null,
      notes: null,
      sentAt: null,
      surprise: { nested: true }
    })
    simulator.changed()
    const client = new HoursmithClient(simulator.baseUrl, token, 'Studio', { fetch, clock: fakeClock() })
    const [invoice] = (await client.fetchPage(null)).invoices
    expect(invoice).toMatchObject({ total: '10000000000000.10', tax: '909090909090.91', dueDate: null, notes: null })
    expect((invoice!.raw as { surprise: unknown }).surprise).toEqual({ nested: true })
  })

  it('reads a refunded invoice as not paid, and keeps the discount so subtotal − discount + tax = total', async () => {
    const token = hoursmithToken()
    simulator = await startHoursmithSimulator({ invoices: 3, tokens: { [token]: {} } })
    const [refunded, discounted, paid] = simulator.invoices
    Object.assign(refunded!, { status: 'PAID', paymentStatus: 'refunded', total: '120.00', amountPaid: '120.00', deletedAt: null })
    Object.assign(discounted!, {
      status: 'SENT',
      paymentStatus: 'unpaid',
      subtotal: '1000.00',
      discountAmount: '50.00',
      taxRate: '20.00',
      total: '1140.00',
      amountPaid: '0.00',
      deletedAt: null
    })
    Object.assign(paid!, { status: 'PAID', paymentStatus: 'paid', total: '80.00', amountPaid: '80.00', deletedAt: null })
    simulator.changed()
    const testCore = await openTestCore()
    const { core } = testCore
    try {
      const account = await core.accounts.add({
        provider: 'hoursmith',
        name: 'Studio',
        baseUrl: simulator.baseUrl,
        secret: token,
        options: {}
      })
      expect((await core.sync.run())[0]).toMatchObject({ ok: true, upserted: 3 })
      expect(core.invoices.get(account.id, refunded!.id)).toMatchObject({
        status: 'void',
        rawStatus: 'PAID (refunded)',
        paymentStatus: 'refunded',
        paid: null
      })
      const paidOnes = core.invoices
        .list({ includeRemoved: false, status: 'paid', offset: 0, limit: 10 })
        .items.map((item) => item.remoteId)
      expect(paidOnes).toEqual([paid!.id])

      const detail = core.invoices.get(account.id, discounted!.id)
      expect(detail).toMatchObject({ subtotal: '1000.00', discount: '50.00', tax: '190.00', total: '1140.00' })
      expect(toScaled(detail.subtotal!) - toScaled(detail.discount!) + toScaled(detail.tax!)).toBe(toScaled(detail.total!))
      expect(core.invoices.get(account.id, paid!.id).discount).toBe(normalizeDecimal(paid!.discountAmount!))
    } finally {
      await testCore.close()
    }
  })

  it('reads the plan from /me: an Agency token gets double the Studio request budget', async () => {
    const [studio, agency] = [hoursmithToken(), hoursmithToken()]
    // The simulator enforces each plan's documented limits; the connector must not wait when it need not.
    const clock = fakeClock()
    simulator = await startHoursmithSimulator({
      invoices: 3,
      tokens: { [studio]: { plan: 'studio' }, [agency]: { plan: 'agency' } },
      now: () => clock.now().getTime()
    })
    const burst = async (token: string): Promise<{ waited: number; requests: number }> => {
      const client = new HoursmithClient(simulator.baseUrl, token, 'Studio', { fetch, clock })
      const before = clock.now().getTime()
      let requests = 0
      for (let i = 0; i < 50; i += 1) requests += (await client.fetchPage(null)).requests
      return { waited: clock.now().getTime() - before, requests }
    }
    // 50 pages and one /me: past Studio's 30 per 10 s, within Agency's 60.
    const onStudio = await burst(studio)
    expect(onStudio.waited).toBeGreaterThanOrEqual(10_000)
    const onAgency = await burst(agency)
    expect(onAgency).toEqual({ waited: 0, requests: 51 })
    // A sync nowhere near the limit spends no request on asking.
    const small = new HoursmithClient(simulator.baseUrl, agency, 'Studio', { fetch, clock: fakeClock() })
    let requests = 0
    for (let i = 0; i < 5; i += 1) requests += (await small.fetchPage(null)).requests
    expect(requests).toBe(5)
  })
})
