import { describe, expect, it } from 'vitest'
import type { AgingReport } from '../../preload/contract'
import { agingCsv } from '../../main/reports/aging-csv'
import { freshness, STALE_WITHOUT_SCHEDULE_MINUTES } from '../../renderer/src/features/overview/freshness'

describe('aging CSV', () => {
  it('writes one line per row with plain decimals, the as-of date, and formula-like names defused', () => {
    const report: AgingReport = {
      asOf: '2026-03-31',
      by: 'counterparty',
      buckets: ['current', '1-30', '31-60', '61-90', '90+'],
      rows: [
        {
          key: '=HYPERLINK("x")',
          currency: 'EUR',
          count: 2,
          amounts: { current: '1.00', '1-30': '0.00', '31-60': '0.00', '61-90': '0.00', '90+': '-2.50' },
          total: '-1.50',
          agedFromIssueDate: 1
        }
      ],
      currencyTotals: [],
      syncedAt: null,
      notYetSeen: 0,
      withoutAmount: 0
    }
    expect(agingCsv(report)).toBe(
      'counterparty,currency,count,current,1-30,31-60,61-90,90+,total,aged_from_issue_date,as_of\r\n' +
        `"'=HYPERLINK(""x"")",EUR,2,1.00,0.00,0.00,0.00,-2.50,-1.50,1,2026-03-31\r\n`
    )
  })
})

describe('account freshness', () => {
  const now = Date.parse('2026-11-23T12:00:00Z')
  it('tolerates one missed run and warns after two intervals', () => {
    expect(freshness('2026-11-23T11:00:00Z', 60, now)).toMatchObject({ state: 'fresh', allowedMinutes: 120 })
    expect(freshness('2026-11-23T09:59:00Z', 60, now)).toMatchObject({ state: 'stale' })
  })

  it('allows a day with background sync off, and says when an account never synced', () => {
    expect(freshness('2026-11-22T12:30:00Z', 0, now)).toMatchObject({ state: 'fresh', allowedMinutes: STALE_WITHOUT_SCHEDULE_MINUTES })
    expect(freshness('2026-11-20T12:00:00Z', 0, now)).toMatchObject({ state: 'stale', ageMinutes: 3 * 24 * 60 })
    expect(freshness(null, 60, now)).toEqual({ state: 'never' })
  })
})
