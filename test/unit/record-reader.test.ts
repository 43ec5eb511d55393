import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readBoundedText } from '../../main/net/bounded-body'
import { mapHoursmithInvoice } from '../../main/providers/hoursmith/map'
import { HoursmithInvoice } from '../../main/providers/hoursmith/schemas'
import { boundedJson, MAX_SKIPPED_RAW_CHARS, readInvoiceRecord, shapeProblem } from '../../main/providers/record-reader'

const SECRET = 'hsk_test_abcdefghijkl_0123456789abcdefghijklmnopqrstuv'
const good = { id: 'inv_1', status: 'SENT', total: '120.50', currency: 'eur', notes: 'Thanks', updatedAt: '2026-01-02T03:04:05Z' }
const read = (record: unknown) =>
  readInvoiceRecord(HoursmithInvoice, record, (wire) => mapHoursmithInvoice(wire, record), { secrets: [SECRET] })

describe('one record read on its own: the per-field rule', () => {
  it('keeps a good record as it was sent', () => {
    expect(read(good)).toMatchObject({ invoice: { remoteId: 'inv_1', total: '120.50', currency: 'EUR', status: 'open' } })
  })

  it.each([
    ['a null total', { total: null }, { total: null, tax: null }],
    ['a missing total', { total: undefined }, { total: null }],
    ['a malformed total', { total: '12,50 EUR' }, { total: null }],
    ['a total of the wrong type', { total: { amount: 12 } }, { total: null }],
    ['a missing currency', { currency: undefined }, { currency: 'XXX', total: '120.50' }],
    ['a currency of the wrong type', { currency: 978 }, { currency: 'XXX' }],
    ['a status of the wrong type', { status: 42 }, { status: 'unknown', rawStatus: null }],
    ['an empty status', { status: '' }, { status: 'unknown', rawStatus: null }]
  ])('keeps the invoice with %s, the value unknown', (_, changes, expected) => {
    expect(read({ ...good, ...changes })).toMatchObject({ invoice: expected })
  })

  it.each([
    ['no id', { id: undefined }, 'id', null],
    ['an id that is not text', { id: { nested: true } }, 'id', null],
    ['an amount past ±10^14', { total: `1${'0'.repeat(32)}` }, 'total', 'inv_1'],
    ['a negative amount past ±10^14', { total: '-100000000000000' }, 'total', 'inv_1'],
    ['a malformed date', { issueDate: '02/01/2026' }, 'issueDate', 'inv_1'],
    ['a 4 MB note', { notes: 'x'.repeat(4 * 1024 * 1024) }, 'notes', 'inv_1'],
    ['a malformed subtotal', { subtotal: 'lots' }, 'subtotal', 'inv_1']
  ])('skips a record with %s, naming the field', (_, changes, field, remoteId) => {
    const result = read({ ...good, ...changes })
    expect(result).toMatchObject({ skipped: { field, remoteId } })
  })

  it('keeps the largest amount the cache holds exactly', () => {
    expect(read({ ...good, total: '99999999999999.9999' })).toMatchObject({ invoice: { total: '99999999999999.9999' } })
  })

  it('skips a record nested 20,000 deep without overflowing the stack, naming where', () => {
    let deep: unknown = []
    for (let level = 0; level < 20_000; level += 1) deep = [deep]
    const result = read({ ...good, extra: deep })
    expect(result).toMatchObject({ skipped: { field: 'extra', remoteId: 'inv_1' } })
    if ('skipped' in result) expect(result.skipped.raw).toContain('[nested deeper: not kept]')
    expect(shapeProblem({ a: { b: [[[]]] } })).toBeNull()
  })

  it('keeps a skipped record bounded, with every secret taken out, even one cut by the bound', () => {
    const spanning = `${'y'.repeat(MAX_SKIPPED_RAW_CHARS - 10)}${SECRET}${'z'.repeat(MAX_SKIPPED_RAW_CHARS)}`
    const text = boundedJson({ id: 'inv_1', note: spanning, token: SECRET }, [SECRET])
    expect(text).not.toContain(SECRET.slice(0, 12))
    expect(text.length).toBeLessThan(MAX_SKIPPED_RAW_CHARS * 1.1)
    expect(text).toMatch(/cut: /)
  })

  it('skips rather than throws when the money code refuses a value the schema let through', () => {
    const result = readInvoiceRecord(
      z.object({ id: z.string() }),
      { id: 'x' },
      () => {
        throw new RangeError('not a decimal amount: "1e5"')
      },
      { secrets: [] }
    )
    expect(result).toMatchObject({ skipped: { field: '(record)', reason: expect.stringContaining('not a decimal') } })
  })
})

describe('a response body read with a cap on its unpacked size', () => {
  const streamOf = (chunks: number, size: number) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < chunks; i += 1) controller.enqueue(new Uint8Array(size).fill(0x20))
          controller.close()
        }
      })
    )

  it('reads a body under the cap whole, as text', async () => {
    expect(await readBoundedText(new Response('{"a":"é"}'), 'http://127.0.0.1/x', 100)).toBe('{"a":"é"}')
    expect(await readBoundedText(streamOf(4, 25), 'http://127.0.0.1/x', 100)).toHaveLength(100)
  })

  it('stops one byte past the cap with a clear error naming the server and the limit', async () => {
    await expect(readBoundedText(streamOf(5, 21), 'http://127.0.0.1:8080/api/invoices?x=1', 100)).rejects.toMatchObject({
      code: 'PROVIDER_RESPONSE_TOO_LARGE',
      message: expect.stringContaining('http://127.0.0.1:8080 sent a response to /api/invoices')
    })
  })
})
