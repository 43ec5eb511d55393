import { describe, expect, it } from 'vitest'
import type { InvoiceStatus } from '../../preload/contract'
import { toScaled } from '../../main/money/decimal'
import { overviewByCurrency, type OverviewGroup } from '../../main/reports/overview'

interface OneInvoice {
  currency: string
  status: InvoiceStatus
  total: string
  paid: string | null
  dueDate: string | null
  issueDate: string | null
}

/** One invoice as a group of one: owed is total less paid; a paid invoice without a paid amount was paid in full. */
const invoice = (patch: Partial<OneInvoice>): OverviewGroup => {
  const { total, paid, status, ...rest } = {
    currency: 'EUR',
    status: 'open' as const,
    total: '100.00',
    paid: null,
    dueDate: null,
    issueDate: '2026-11-02',
    ...patch
  }
  const paidScaled = paid !== null ? toScaled(paid) : status === 'paid' ? toScaled(total) : 0n
  return {
    ...rest,
    status,
    count: 1,
    total: toScaled(total),
    owed: toScaled(total) - (paid === null ? 0n : toScaled(paid)),
    paid: paidScaled
  }
}

describe('overview tiles and months', () => {
  it('sums per currency, never mixed, with overdue and due-soon edges on today and seven days on', () => {
    const [eur, usd] = overviewByCurrency({
      today: '2026-11-23',
      months: ['2026-10', '2026-11'],
      open: [
        invoice({ total: '0.10', dueDate: '2026-11-22' }),
        invoice({ total: '0.20', paid: '0.05', dueDate: '2026-11-23' }),
        invoice({ total: '1.00', dueDate: '2026-11-30' }),
        invoice({ total: '2.00', dueDate: '2026-12-01' }),
        invoice({ total: '5.00', dueDate: null }),
        invoice({ currency: 'USD', total: '9.99', dueDate: '2026-01-01' })
      ],
      becamePaid: [invoice({ status: 'paid', total: '40.00', paid: null }), invoice({ status: 'paid', total: '40.00', paid: '39.99' })],
      issued: [
        invoice({ issueDate: '2026-10-31', total: '10.00', status: 'paid', paid: null }),
        invoice({ issueDate: '2026-11-01', total: '20.00', paid: '5.50' }),
        invoice({ issueDate: '2026-09-30', total: '99.00' })
      ]
    })
    expect(eur).toEqual({
      currency: 'EUR',
      outstanding: { count: 5, amount: '8.25' },
      overdue: { count: 1, amount: '0.10' },
      dueSoon: { count: 2, amount: '1.15' },
      paidThisMonth: { count: 2, amount: '79.99' },
      months: [
        { month: '2026-10', issued: '10.00', paid: '10.00' },
        { month: '2026-11', issued: '20.00', paid: '5.50' }
      ]
    })
    expect(usd).toMatchObject({
      currency: 'USD',
      outstanding: { count: 1, amount: '9.99' },
      overdue: { count: 1, amount: '9.99' },
      months: [{ issued: '0.00' }, { issued: '0.00' }]
    })
  })
})
