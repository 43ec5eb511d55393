import { createHash } from 'node:crypto'
import type { DuplicateGroup } from '../../preload/contract'
import type { BillRow } from './duplicates.repo'

/** Issue dates this close (in days) make two invoices of the same bill look like one. */
export const CLOSE_DAYS = 7
const DAY_MS = 86_400_000

/**
 * Within each bill (rows sorted by bill, then issue date), invoices are joined when they carry
 * the same number or were issued within CLOSE_DAYS of each other; joined invoices form a group,
 * transitively. Sorted by date, two invoices within the window have only invoices within it
 * between them, so joining neighbours is enough: no pair is compared beyond its neighbour.
 */
export function groupDuplicates(rows: BillRow[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = []
  for (let start = 0; start < rows.length;) {
    let end = start
    while (end < rows.length && rows[end]!.bill === rows[start]!.bill) end++
    groups.push(...groupsOfBill(rows.slice(start, end)))
    start = end
  }
  return groups
}

function groupsOfBill(bill: BillRow[]): DuplicateGroup[] {
  const parent = bill.map((_, k) => k)
  const root = (k: number): number => (parent[k] === k ? k : (parent[k] = root(parent[k]!)))
  const join = (a: number, b: number): void => {
    parent[root(a)] = root(b)
  }
  const byNumber = new Map<string, number>()
  bill.forEach((row, k) => {
    const number = normalNumber(row.number)
    if (number === null) return
    const first = byNumber.get(number)
    if (first === undefined) byNumber.set(number, k)
    else join(first, k)
  })
  for (let k = 1; k < bill.length; k++) {
    const before = day(bill[k - 1]!.issueDate)
    const here = day(bill[k]!.issueDate)
    if (before !== null && here !== null && here - before <= CLOSE_DAYS) join(k - 1, k)
  }
  const members = new Map<number, BillRow[]>()
  bill.forEach((row, k) => members.set(root(k), [...(members.get(root(k)) ?? []), row]))
  return [...members.values()].filter((group) => group.length > 1).map(toGroup)
}

function toGroup(rows: BillRow[]): DuplicateGroup {
  const numbers = new Set(rows.map((row) => normalNumber(row.number)))
  const sameNumber = numbers.size === 1 && !numbers.has(null)
  return {
    key: groupKey(rows),
    reason: sameNumber ? 'sameNumber' : 'closeDates',
    invoices: rows.map(({ accountId, account, provider, remoteId, number, counterparty, total, currency, issueDate }) => ({
      accountId,
      account,
      provider,
      remoteId,
      number,
      counterparty,
      total,
      currency,
      issueDate
    }))
  }
}

/** The same set of invoices gives the same key, whatever their order. */
export function groupKey(rows: { accountId: string; remoteId: string }[]): string {
  const members = rows.map((row) => `${row.accountId}/${row.remoteId}`).sort()
  return createHash('sha256').update(members.join('\n')).digest('hex')
}

/** "INV 0042" and "inv-0042" are the same number; spaces, dashes and case differ between systems. */
function normalNumber(number: string | null): string | null {
  const normal = number?.toLowerCase().replace(/[\s\-_/.#]+/g, '') ?? ''
  return normal === '' ? null : normal
}

function day(date: string | null): number | null {
  return date === null ? null : Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS)
}
