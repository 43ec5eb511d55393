import { describe, expect, it } from 'vitest'
import { ageInvoice, agingRows, agingTotals, bucketFor, type AgingInvoice } from '../../main/reports/aging'
import { stateAsOf, type LoggedChange, type TrackedState } from '../../main/reports/as-of-state'
import { toScaled } from '../../main/money/decimal'

const open = (patch: Partial<AgingInvoice>): AgingInvoice => ({
  account: 'Studio',
  counterparty: 'Acme',
  currency: 'EUR',
  status: 'open',
  total: '100.00',
  paid: null,
  removed: false,
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  ...patch
})

describe('aging buckets', () => {
  it('puts each edge in the bucket the report names', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 400, -5].map(bucketFor)).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
      'current'
    ])
  })

  it('counts days past the due date on the as-of date, across month and year ends', () => {
    const invoice = open({ dueDate: '2026-12-31' })
    expect(ageInvoice(invoice, '2026-12-31')).toMatchObject({ bucket: 'current', daysPastDue: 0, agedFrom: 'due' })
    expect(ageInvoice(invoice, '2027-01-01')).toMatchObject({ bucket: '1-30', daysPastDue: 1 })
    expect(ageInvoice(invoice, '2027-01-30')).toMatchObject({ bucket: '1-30', daysPastDue: 30 })
    expect(ageInvoice(invoice, '2027-01-31')).toMatchObject({ bucket: '31-60', daysPastDue: 31 })
    expect(ageInvoice(invoice, '2027-03-31')).toMatchObject({ bucket: '61-90', daysPastDue: 90 })
    expect(ageInvoice(invoice, '2027-04-01')).toMatchObject({ bucket: '90+', daysPastDue: 91 })
  })

  it('ages from the issue date where there is no due date, and says so', () => {
    expect(ageInvoice(open({ dueDate: null, issueDate: '2026-03-01' }), '2026-04-15')).toMatchObject({
      bucket: '31-60',
      daysPastDue: 45,
      agedFrom: 'issue'
    })
    expect(ageInvoice(open({ dueDate: null, issueDate: null }), '2026-04-15')).toMatchObject({ bucket: 'current', agedFrom: 'none' })
  })

  it('owes total less paid, and the whole total when paid is unknown', () => {
    expect(ageInvoice(open({ total: '100.00', paid: '35.55' }), '2026-02-01')!.outstanding).toBe(toScaled('64.45'))
    expect(ageInvoice(open({ total: '100.00', paid: null }), '2026-02-01')!.outstanding).toBe(toScaled('100'))
  })

  it('ages an invoice with no readable total but adds nothing for it, so the caller can count it apart', () => {
    expect(ageInvoice(open({ total: null }), '2026-02-01')).toMatchObject({ bucket: '1-30', outstanding: null })
    expect(agingRows([open({ total: null }), open({ total: '1.00' })], '2026-02-01', 'account')).toMatchObject([
      { count: 1, total: '1.00' }
    ])
  })

  it('leaves out what is not open, removed, or issued after the as-of date', () => {
    for (const patch of [
      { status: 'paid' },
      { status: 'draft' },
      { status: 'void' },
      { status: 'unknown' },
      { removed: true },
      { issueDate: '2026-02-02' }
    ] as const) {
      expect(ageInvoice(open(patch), '2026-02-01')).toBeNull()
    }
    expect(ageInvoice(open({ issueDate: '2026-02-01' }), '2026-02-01')).not.toBeNull()
  })
})

describe('aging rows', () => {
  it('groups per key and currency, never mixing currencies, with exact sums that add up', () => {
    const invoices = [
      open({ total: '0.10', dueDate: '2026-03-01' }),
      open({ total: '0.20', dueDate: '2026-03-01' }),
      open({ total: '1000.005', paid: '0.005', dueDate: '2025-10-01' }),
      open({ currency: 'USD', total: '7.00', dueDate: '2026-02-20' }),
      open({ counterparty: null, total: '5', dueDate: null, issueDate: '2026-02-10' }),
      open({ status: 'paid', total: '999' })
    ]
    const rows = agingRows(invoices, '2026-03-05', 'counterparty')
    expect(rows).toEqual([
      {
        key: '(no counterparty)',
        currency: 'EUR',
        count: 1,
        amounts: { current: '0.00', '1-30': '5.00', '31-60': '0.00', '61-90': '0.00', '90+': '0.00' },
        total: '5.00',
        agedFromIssueDate: 1
      },
      {
        key: 'Acme',
        currency: 'EUR',
        count: 3,
        amounts: { current: '0.00', '1-30': '0.30', '31-60': '0.00', '61-90': '0.00', '90+': '1000.00' },
        total: '1000.30',
        agedFromIssueDate: 0
      },
      {
        key: 'Acme',
        currency: 'USD',
        count: 1,
        amounts: { current: '0.00', '1-30': '7.00', '31-60': '0.00', '61-90': '0.00', '90+': '0.00' },
        total: '7.00',
        agedFromIssueDate: 0
      }
    ])
    const byAccount = agingRows(invoices, '2026-03-05', 'account')
    expect(byAccount.map((r) => [r.key, r.currency, r.total])).toEqual([
      ['Studio', 'EUR', '1005.30'],
      ['Studio', 'USD', '7.00']
    ])
    expect(agingTotals(rows)).toEqual([
      {
        currency: 'EUR',
        count: 4,
        amounts: { current: '0.00', '1-30': '5.30', '31-60': '0.00', '61-90': '0.00', '90+': '1000.00' },
        total: '1005.30',
        agedFromIssueDate: 1
      },
      {
        currency: 'USD',
        count: 1,
        amounts: { current: '0.00', '1-30': '7.00', '31-60': '0.00', '61-90': '0.00', '90+': '0.00' },
        total: '7.00',
        agedFromIssueDate: 0
      }
    ])
  })
})

describe('state as of a past instant', () => {
  const now: TrackedState = { status: 'paid', total: '80.00', paid: '80.00', removed: false }
  const log: LoggedChange[] = [
    { at: '2026-03-10T09:00:00.000Z', field: 'paid', before: null, after: '30.00' },
    { at: '2026-04-02T09:00:00.000Z', field: 'status', before: 'open', after: 'paid' },
    { at: '2026-04-02T09:00:00.000Z', field: 'total', before: '100.00', after: '80.00' },
    { at: '2026-04-02T09:00:00.000Z', field: 'paid', before: '30.00', after: '80.00' }
  ]

  it('undoes every change recorded at or after the cutoff, each field to its value then', () => {
    expect(stateAsOf(now, log, '2026-04-01T00:00:00.000Z')).toEqual({ status: 'open', total: '100.00', paid: '30.00', removed: false })
    expect(stateAsOf(now, log, '2026-03-01T00:00:00.000Z')).toEqual({ status: 'open', total: '100.00', paid: null, removed: false })
    expect(stateAsOf(now, log, '2026-05-01T00:00:00.000Z')).toEqual(now)
  })

  it('brings back an invoice removed after the cutoff', () => {
    const removed: TrackedState = { status: 'open', total: '5', paid: null, removed: true }
    expect(
      stateAsOf(removed, [{ at: '2026-04-02T00:00:00.000Z', field: 'removed', before: 'false', after: 'true' }], '2026-04-01T00:00:00.000Z')
        .removed
    ).toBe(false)
  })

  it('ages a partly paid invoice as it stood on a past date', () => {
    const then = stateAsOf(now, log, '2026-04-01T00:00:00.000Z')
    const aged = ageInvoice(
      { ...then, account: 'Studio', counterparty: 'Acme', currency: 'EUR', issueDate: '2026-02-01', dueDate: '2026-03-01' },
      '2026-03-31'
    )
    expect(aged).toMatchObject({ bucket: '1-30', daysPastDue: 30, outstanding: toScaled('70.00') })
  })
})
