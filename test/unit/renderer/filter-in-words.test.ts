import { describe, expect, it } from 'vitest'
import { filterInWords } from '../../../renderer/src/features/invoices/filterInWords'
import { formatCalendarDate } from '../../../renderer/src/lib/format'

const names = { account: (id: string) => (id === 'a1' ? 'Studio' : id), provider: (id: string) => (id === 'hoursmith' ? 'Hoursmith' : id) }

describe('the list filter in words, for the printed page', () => {
  it('says "All invoices" and the sort when nothing narrows', () => {
    expect(filterInWords({ includeRemoved: false, sort: { column: 'issueDate', direction: 'desc' } }, names)).toBe(
      'All invoices; sorted by Issue date, descending'
    )
  })

  it('names every filter the grid applies, with accounts and providers by name', () => {
    const text = filterInWords(
      {
        includeRemoved: true,
        status: 'overdue',
        search: 'zoë',
        accountId: 'a1',
        provider: 'hoursmith',
        issued: { from: '2026-04-01', to: '2026-06-30' },
        due: { to: '2026-07-01' },
        total: { min: '100.00' },
        hasPdf: false,
        flags: { duplicate: false }
      },
      names
    )
    expect(text).toBe(
      [
        'Overdue invoices',
        'matching “zoë”',
        'account Studio',
        'provider Hoursmith',
        `issued ${formatCalendarDate('2026-04-01')} – ${formatCalendarDate('2026-06-30')}`,
        `due on or before ${formatCalendarDate('2026-07-01')}`,
        'total at least 100.00',
        'without a provider PDF',
        'no duplicates',
        'removed upstream included'
      ].join('; ')
    )
  })

  it('leaves the total range out while amounts are hidden: the page must not tell them', () => {
    expect(filterInWords({ includeRemoved: false, amountsHidden: true, total: { min: '5000' } }, names)).toBe('All invoices')
  })
})
