import type { StatusSums } from './totals-rule'

/**
 * What totals read of every invoice, held in memory as one typed array per column, indexed by
 * invoice id. A word search at a million invoices matches tens or hundreds of thousands of
 * them; SQLite adds them up at a b-tree seek and a sort entry each (~1-2 µs), these arrays at a
 * few nanoseconds, so a search's totals cost little more than reading its ids from the index.
 *
 * Amounts are exact: each 1/10,000ths value is split as hi × 2^24 + lo (lo in [0, 2^24), hi in
 * int32), and each part is summed as a double only while the sum is an integer a double holds
 * exactly (`MAX_TALLIED` rows); the parts are joined as BigInt.
 */
export interface MoneyColumnsData {
  /** Index → code, for `currency` and `status`. */
  currencies: string[]
  statuses: string[]
  currency: Uint16Array
  status: Uint8Array
  /** PRESENT | REMOVED | DUPLICATE | WONT_CLAIM | UNKNOWN_TOTAL */
  bits: Uint8Array
  totalHi: Int32Array
  totalLo: Int32Array
  balanceHi: Int32Array
  balanceLo: Int32Array
}

export const PRESENT = 1
export const REMOVED = 2
export const DUPLICATE = 4
export const WONT_CLAIM = 8
export const UNKNOWN_TOTAL = 16

export const LO_BITS = 24
const LO_SPAN = 2n ** BigInt(LO_BITS)

/** |hi| < 2^31 and lo < 2^24: a sum of this many of either stays below 2^53, exact in a double. */
export const MAX_TALLIED = 2 ** 22

/** Which matching invoices count: the filter's tombstone setting, a status, a currency, a range of totals. */
export interface TallyFilter {
  removed: 'exclude' | 'include' | 'only'
  status?: string
  currency?: string
  /** 1/10,000ths, both inclusive; an unknown total is in no range. */
  total?: { min?: bigint; max?: bigint } | null
}

/**
 * Per currency and status, split into the invoices the totals rule may leave out (flagged
 * duplicate or won't claim) and the rest; `withoutAmount` counts those whose total is unknown.
 */
export interface Tally {
  plain: StatusSums[]
  flagged: StatusSums[]
  withoutAmount: { plain: GroupCount[]; flagged: GroupCount[] }
}

export interface GroupCount {
  currency: string
  status: string
  n: number
}

/** Sums of parts of every group, laid out [group × PARTS]. */
const PARTS = 6
const N = 0
const TOTAL_HI = 1
const TOTAL_LO = 2
const BALANCE_HI = 3
const BALANCE_LO = 4
const UNKNOWN = 5

/**
 * Adds up the invoices in `hits` (lists of ids, an id in two lists counted once) that pass `filter`. Null when the columns cannot answer exactly: an id they do not
 * hold (they are older than the index that found it), or more rows than exact summing allows.
 */
export function tally(data: MoneyColumnsData, hits: readonly (readonly number[])[], filter: TallyFilter): Tally | null {
  const size = data.bits.length
  const currencyIndex = filter.currency === undefined ? -1 : data.currencies.indexOf(filter.currency)
  const statusIndex = filter.status === undefined ? -1 : data.statuses.indexOf(filter.status)
  if ((filter.currency !== undefined && currencyIndex < 0) || (filter.status !== undefined && statusIndex < 0))
    return { plain: [], flagged: [], withoutAmount: { plain: [], flagged: [] } }
  if (hits.reduce((sum, list) => sum + list.length, 0) > MAX_TALLIED) return null
  const groups = data.statuses.length
  const plain = new Float64Array(data.currencies.length * groups * PARTS)
  const flagged = new Float64Array(plain.length)
  const seen = hits.length > 1 ? new Uint8Array(size) : null
  const wantRemoved = filter.removed === 'only' ? REMOVED : 0
  const inRange = rangeTest(filter.total ?? null)
  // Indexing is in bounds by the checks above (noUncheckedIndexedAccess cannot see them).
  for (const list of hits) {
    for (const id of list) {
      if (id >= size) return null
      const bits = data.bits[id]!
      if ((bits & PRESENT) === 0) return null
      if (seen !== null) {
        if (seen[id] === 1) continue
        seen[id] = 1
      }
      if (filter.removed !== 'include' && (bits & REMOVED) !== wantRemoved) continue
      const status = data.status[id]!
      const currency = data.currency[id]!
      if ((statusIndex >= 0 && status !== statusIndex) || (currencyIndex >= 0 && currency !== currencyIndex)) continue
      if (inRange !== null && ((bits & UNKNOWN_TOTAL) !== 0 || !inRange(data.totalHi[id]!, data.totalLo[id]!))) continue
      const sums = (bits & (DUPLICATE | WONT_CLAIM)) === 0 ? plain : flagged
      const at = (currency * groups + status) * PARTS
      sums[at + N]! += 1
      sums[at + TOTAL_HI]! += data.totalHi[id]!
      sums[at + TOTAL_LO]! += data.totalLo[id]!
      sums[at + BALANCE_HI]! += data.balanceHi[id]!
      sums[at + BALANCE_LO]! += data.balanceLo[id]!
      if ((bits & UNKNOWN_TOTAL) !== 0) sums[at + UNKNOWN]! += 1
    }
  }
  return {
    plain: statusSums(data, plain),
    flagged: statusSums(data, flagged),
    withoutAmount: { plain: unknownCounts(data, plain), flagged: unknownCounts(data, flagged) }
  }
}

/** Compares hi/lo parts with each bound's parts: exact at any size, where hi × 2^24 + lo in a double is not. */
function rangeTest(range: { min?: bigint; max?: bigint } | null): ((hi: number, lo: number) => boolean) | null {
  if (range === null || (range.min === undefined && range.max === undefined)) return null
  const parts = (value: bigint): [number, number] => [Number(value >> BigInt(LO_BITS)), Number(value & (LO_SPAN - 1n))]
  const [minHi, minLo] = range.min === undefined ? [-Infinity, 0] : parts(range.min)
  const [maxHi, maxLo] = range.max === undefined ? [Infinity, 0] : parts(range.max)
  return (hi, lo) => (hi > minHi || (hi === minHi && lo >= minLo)) && (hi < maxHi || (hi === maxHi && lo <= maxLo))
}

function statusSums(data: MoneyColumnsData, sums: Float64Array): StatusSums[] {
  const rows: StatusSums[] = []
  eachGroup(data, sums, (currency, status, at) =>
    rows.push({
      currency,
      status,
      n: BigInt(sums[at + N]!),
      total: joined(sums[at + TOTAL_HI]!, sums[at + TOTAL_LO]!),
      balance: joined(sums[at + BALANCE_HI]!, sums[at + BALANCE_LO]!)
    })
  )
  return rows
}

function unknownCounts(data: MoneyColumnsData, sums: Float64Array): GroupCount[] {
  const rows: GroupCount[] = []
  eachGroup(data, sums, (currency, status, at) => {
    const unknown = sums[at + UNKNOWN]!
    if (unknown > 0) rows.push({ currency, status, n: unknown })
  })
  return rows
}

/** The groups with any invoice, by currency code as the SQL orders them. */
function eachGroup(data: MoneyColumnsData, sums: Float64Array, visit: (currency: string, status: string, at: number) => void): void {
  const byCode = data.currencies.map((code, index) => ({ code, index })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  for (const { code, index } of byCode) {
    for (let s = 0; s < data.statuses.length; s++) {
      const at = (index * data.statuses.length + s) * PARTS
      if (sums[at + N]! > 0) visit(code, data.statuses[s]!, at)
    }
  }
}

function joined(hi: number, lo: number): bigint {
  return BigInt(hi) * LO_SPAN + BigInt(lo)
}
