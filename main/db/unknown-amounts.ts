/**
 * Invoices kept with an unknown total (stored as '' with total_scaled 0, see migration 0007)
 * count as invoices but add nothing to a sum; the totals say how many of each currency's
 * invoices that is, so a sum is never mistaken for the whole. Kept apart from the totals SQL,
 * which stays as fast as it was: these queries start from the partial index of the few unknowns.
 */
import type { CurrencyTotal, InvoiceKey } from '../../preload/contract'
import { countsInTotals, type TotalsOptions } from './totals-rule'

type SqlParams = Record<string, string | number | bigint>

/** Matches the ids of invoices whose total is unknown, through their partial index. */
export const UNKNOWN_TOTAL_IDS = `SELECT id FROM invoices WHERE total = ''`

/**
 * `filtered` is the filter's own WHERE clause (filterSql) and `leftOut` what the totals' SQL
 * leaves out (totals-rule.ts); counted per status, so withWithoutAmount applies the void-and-draft
 * part of the rule as foldTotals does, and the counts are of the same invoices the totals count.
 */
export function withoutAmountSql(
  { where, params }: { where: string; params: SqlParams },
  leftOut: string | null
): { sql: string; params: SqlParams } {
  const unknown = `i.id IN (${UNKNOWN_TOTAL_IDS})${leftOut === null ? '' : ` AND NOT (${leftOut})`}`
  return {
    sql: `SELECT i.currency, i.status, count(*) AS n FROM invoices i ${where ? `${where} AND ${unknown}` : `WHERE ${unknown}`} GROUP BY +i.currency, i.status`,
    params
  }
}

export function selectionWithoutAmountSql(keys: InvoiceKey[]): { sql: string; params: SqlParams } {
  return {
    sql: `SELECT i.currency, i.status, count(*) AS n
      FROM json_each(@keys) k JOIN invoices i ON i.account_id = k.value ->> 0 AND i.remote_id = k.value ->> 1
      WHERE i.total = '' GROUP BY i.currency, i.status`,
    params: {
      keys: JSON.stringify([...new Map(keys.map((key) => [`${key.accountId}/${key.remoteId}`, [key.accountId, key.remoteId]])).values()])
    }
  }
}

export function withWithoutAmount(
  totals: CurrencyTotal[],
  counts: { currency: string; status: string; n: number }[],
  rule: Pick<TotalsOptions, 'includeVoidAndDraft'>
): CurrencyTotal[] {
  const byCurrency = new Map<string, number>()
  for (const row of counts) if (countsInTotals(row.status, rule)) byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.n)
  // Only where there are some: totals without unknowns look exactly as they always did.
  return totals.map((total) => {
    const withoutAmount = byCurrency.get(total.currency) ?? 0
    return withoutAmount > 0 ? { ...total, withoutAmount } : total
  })
}

/** A total range or amount search that takes in 0 would match the unknowns' stored 0: it must not. */
export function excludesUnknownTotals(): string {
  return `i.id NOT IN (${UNKNOWN_TOTAL_IDS})`
}
