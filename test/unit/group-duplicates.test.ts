import { describe, expect, it } from 'vitest'
import type { BillRow } from '../../main/duplicates/duplicates.repo'
import { groupDuplicates } from '../../main/duplicates/group-duplicates'

describe('grouping likely duplicates within a bill', () => {
  const row = (remoteId: string, issueDate: string | null, number: string | null, bill = 'b1'): BillRow => ({
    id: 0,
    accountId: `acc-${remoteId}`,
    account: 'A',
    provider: 'hoursmith',
    remoteId,
    number,
    counterparty: 'Acme',
    total: '10.00',
    currency: 'EUR',
    issueDate,
    bill
  })

  it('joins neighbours within seven days and equal numbers, transitively, and nothing across bills', () => {
    const groups = groupDuplicates([
      row('a', '2026-01-01', 'N-1'),
      row('b', '2026-01-08', 'N-2'),
      row('c', '2026-01-15', 'N-3'),
      row('d', '2026-03-01', 'n 1'),
      row('e', '2026-06-01', 'N-9'),
      row('f', '2026-06-02', null, 'b2')
    ])
    expect(groups.map((group) => group.invoices.map((invoice) => invoice.remoteId))).toEqual([['a', 'b', 'c', 'd']])
    expect(groups[0]!.reason).toBe('closeDates')
  })

  it('gives the same key to the same set in any order, and says "same number" when all share one', () => {
    const [one] = groupDuplicates([row('a', '2026-01-01', 'X 7'), row('b', '2026-05-01', 'x-7')])
    const [two] = groupDuplicates([row('b', '2026-05-01', 'x-7'), row('a', '2026-01-01', 'X 7')].reverse())
    expect(one!.reason).toBe('sameNumber')
    expect(one!.key).toBe(two!.key)
  })
})
