import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../main/base/clock'
import { fromScaled, toScaled } from '../../main/money/decimal'
import type { Connector, InvoicePageResult } from '../../main/providers/connector'
import { CareSquareClient } from '../../main/providers/caresquare/client'
import { LynkwellClient } from '../../main/providers/lynkwell/client'
import type { SkippedRecord } from '../../main/providers/record-reader'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'
import { YetiClient } from '../../main/providers/yeti/client'
import { badRecords, mixedIn, type BadRecord } from '../../main/simulators/shared/bad-records'
import { listenOnLoopback, type RunningServer } from '../../main/net/loopback-server'
// Sends RawJson (the record nested 20,000 deep) as its text.
import { sendJson } from '../../main/simulators/shared/raw-json'

/**
 * Bad records among good ones for the paging styles Hoursmith does not have: Yeti's page
 * numbers, CareSquare's offsets with a detail request per invoice, Lynkwell's keyset. Each
 * fixture server speaks just enough of the provider's wire format to page through a list.
 */

const SECRET = 's3cret-value-that-must-never-be-kept-0123456789'
let server: RunningServer | null = null

afterEach(async () => {
  await server?.close()
  server = null
})

async function serve(route: (path: string, url: URL, response: ServerResponse, body: string) => void): Promise<string> {
  server = await listenOnLoopback(async (request, response, url) => {
    let body = ''
    for await (const chunk of request) body += String(chunk)
    route(url.pathname, url, response, body)
  })
  return server.origin
}

async function walk(connector: Connector): Promise<{ invoices: UnifiedInvoice[]; skipped: SkippedRecord[]; pages: number }> {
  const invoices: UnifiedInvoice[] = []
  const skipped: SkippedRecord[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: InvoicePageResult = await connector.fetchPage(cursor)
    invoices.push(...page.invoices)
    skipped.push(...(page.skipped ?? []))
    cursor = page.next
    pages += 1
  } while (cursor !== null && pages < 50)
  return { invoices, skipped, pages }
}

function expectOutcomes(bad: BadRecord[], result: { invoices: UnifiedInvoice[]; skipped: SkippedRecord[] }, unknownCurrency = 'XXX'): void {
  const byId = new Map(result.invoices.map((invoice) => [invoice.remoteId, invoice]))
  for (const record of bad) {
    if (record.outcome === 'skipped') {
      const held = result.skipped.find((skip) => skip.remoteId === record.id)
      expect(held, record.label).toBeDefined()
      // An amount out of range is named by the invoice field it would have become.
      expect(held!.field, record.label).toContain(record.label === 'huge-amount' ? 'total' : record.field)
      expect(held!.raw).not.toContain(SECRET)
      expect(held!.raw.length).toBeLessThan(20_000)
      expect(byId.has(record.id ?? '')).toBe(false)
    } else {
      const kept = byId.get(record.id!)
      expect(kept, record.label).toBeDefined()
      if (record.outcome === 'unknown-amount') expect(kept!.total, record.label).toBeNull()
      if (record.outcome === 'unknown-currency') expect(kept!.currency).toBe(unknownCurrency)
      if (record.outcome === 'unknown-status') expect(kept!.status).toBe('unknown')
    }
  }
  expect(result.skipped).toHaveLength(bad.filter((record) => record.outcome === 'skipped').length)
}

const http = { fetch: globalThis.fetch, clock: systemClock, publishedBudgets: false }

describe('bad records on other paging styles', () => {
  it('Yeti-Switch (JSON:API page numbers): a full page of 1,000 with bad records in it still pages on', async () => {
    const good = Array.from({ length: 1_100 }, (_, index) => ({
      id: `inv-${String(index).padStart(5, '0')}`,
      type: 'invoices',
      attributes: {
        reference: `R-${index}`,
        'start-date': '2026-01-01T00:00:00Z',
        'end-date': '2026-02-01T00:00:00Z',
        'has-pdf': false,
        'amount-spent': `${index}.25`,
        note: `period ${index}`
      },
      relationships: { account: { data: { type: 'accounts', id: 'acc-1' } } }
    }))
    // Yeti's fields live under attributes: the bad records are built there and wrapped.
    const bad = badRecords(
      good.slice(0, 8).map((invoice) => ({ id: invoice.id, ...invoice.attributes, secret: SECRET })),
      { total: 'amount-spent', money: 'decimal-string', text: 'note' }
    ).filter((record) => record.label !== 'no-currency')
    const wrapped = bad.map(({ record }) => {
      const { id, ...attributes } = record
      return { ...(id === undefined ? {} : { id }), type: 'invoices', attributes, relationships: good[0]!.relationships }
    })
    const all = mixedIn(good, wrapped.map((record) => ({ record })) as unknown as BadRecord[], 50)
    const baseUrl = await serve((path, url, response) => {
      if (path === '/auth') return sendJson(response, 201, { jwt: 'jwt-token' })
      const number = Number(url.searchParams.get('page[number]'))
      const size = Number(url.searchParams.get('page[size]'))
      sendJson(response, 200, {
        data: all.slice((number - 1) * size, number * size),
        included: [{ id: 'acc-1', type: 'accounts', attributes: { name: 'Trunk', currency: 'EUR' } }],
        meta: { 'total-count': all.length }
      })
    })
    const connector = new YetiClient({ name: 'Ops', baseUrl, options: { login: 'demo' } }, SECRET, http)
    const result = await walk(connector)
    expect(result.pages).toBe(2)
    for (const invoice of good)
      expect(result.invoices.find((candidate) => candidate.remoteId === invoice.id)?.total).toBe(invoice.attributes['amount-spent'])
    expectOutcomes(
      bad.map((record) =>
        record.label === 'deep'
          ? { ...record, field: 'attributes.nested' }
          : record.outcome === 'skipped' && record.field !== 'id'
            ? { ...record, field: `attributes.${record.field}` }
            : record
      ),
      result
    )
  })

  it('CareSquare (offsets, a detail per invoice): an id-less row is held back without a detail request, bad details one by one', async () => {
    const good = Array.from({ length: 130 }, (_, index) => ({
      id: 1_000 + index,
      invoice_number: `CS-${index}`,
      invoice_date: '2026-03-01',
      total: 100 + index + 0.5,
      claim_status: 'paid',
      approval_status: 'approved',
      line_items: []
    }))
    const bad = badRecords(
      good.slice(0, 8).map((invoice) => ({ ...invoice, note: SECRET })),
      { total: 'total', money: 'json-number', status: 'claim_status', text: 'invoice_number' }
    )
    const all = mixedIn(good as Record<string, unknown>[], bad, 20)
    const details = new Map(all.filter((record) => record.id !== undefined).map((record) => [String(record.id), record]))
    let detailRequests = 0
    const baseUrl = await serve((path, url, response) => {
      const detail = /^\/invoices\/(.+)$/.exec(path)
      if (detail) {
        detailRequests += 1
        const record = details.get(decodeURIComponent(detail[1]!))
        return record ? sendJson(response, 200, record) : sendJson(response, 404, { message: 'not found' })
      }
      const limit = Number(url.searchParams.get('limit'))
      const offset = Number(url.searchParams.get('offset'))
      const rows = all.slice(offset, offset + limit).map((record) => ({ ...record, line_items: undefined }))
      sendJson(response, 200, { data: rows, pagination: { limit, offset, total: all.length, has_more: offset + limit < all.length } })
    })
    const connector = new CareSquareClient(
      { name: 'Plan', baseUrl, options: { planManagerIds: ['5f0c4d52-1111-4c3b-9a7e-000000000001'] } },
      SECRET,
      http
    )
    const result = await walk(connector)
    expect(result.pages).toBe(2)
    expect(detailRequests).toBe(all.length - 1)
    for (const invoice of good)
      expect(result.invoices.find((candidate) => candidate.remoteId === String(invoice.id))?.total).toBe(String(invoice.total))
    expectOutcomes(bad, result, 'AUD')
  })

  it('Lynkwell (keyset): the walk continues after an unreadable last record', async () => {
    const good = Array.from({ length: 150 }, (_, index) => ({
      id: `lw_${String(index).padStart(4, '0')}`,
      status: 'PAID',
      subTotal: 10 + index,
      taxTotal: 1.5,
      currency: 'usd',
      paymentProfileId: `pp_${index}`,
      createdAt: '2026-04-01T10:00:00Z'
    }))
    const bad = badRecords(
      good.slice(0, 8).map((invoice) => ({ ...invoice, network: SECRET })),
      { total: 'subTotal', money: 'json-number', currency: 'currency', status: 'status', text: 'paymentProfileId' }
    )
    // The 100th record (the end of page 1) is a bad one, so the cursor must come from it.
    const all = mixedIn(good as Record<string, unknown>[], bad, 12)
    all.splice(99, 0, { ...bad.find((record) => record.label === 'huge-amount')!.record, id: 'lw_bad_at_page_end' })
    const baseUrl = await serve((path, url, response) => {
      if (path === '/oauth/token') return sendJson(response, 200, { access_token: 'tok', token_type: 'Bearer', expires_in: 3600 })
      const limit = Number(url.searchParams.get('limit'))
      const after = url.searchParams.get('startingAfter')
      const start = after === null ? 0 : all.findIndex((record) => record.id === after) + 1
      sendJson(response, 200, { data: { hasMore: start + limit < all.length, items: all.slice(start, start + limit) } })
    })
    const connector = new LynkwellClient(
      { name: 'Chargers', baseUrl, options: { clientId: 'cid', tokenUrl: `${baseUrl}/oauth/token`, audience: 'https://api.lynkwell.com' } },
      SECRET,
      http
    )
    const result = await walk(connector)
    expect(result.pages).toBe(2)
    for (const invoice of good)
      expect(result.invoices.find((candidate) => candidate.remoteId === invoice.id)?.total).toBe(
        fromScaled(toScaled(String(invoice.subTotal)) + toScaled('1.5'))
      )
    expect(result.skipped.map((record) => record.remoteId)).toContain('lw_bad_at_page_end')
    expectOutcomes(bad, { ...result, skipped: result.skipped.filter((record) => record.remoteId !== 'lw_bad_at_page_end') })
  })
})
