import type { Database, Statement } from 'better-sqlite3'
import type { CurrencyTotal, InvoiceFilter } from '../../preload/contract'
import { FTS, PDF_FTS, moneyColumnsQuery } from './invoice-filter-sql'
import type { MoneyColumnsKeeper } from './money-columns-keeper'
import { tally, type Tally } from './money-columns'
import { foldTotals, type StatusSums, type TotalsOptions } from './totals-rule'
import { withWithoutAmount } from './unknown-amounts'

/**
 * A word search's or an amount range's count and totals from the money columns: a search's ids
 * are read from the full-text indexes (the data's and the PDFs'), a range's alone from the index
 * of totals, and what passes is added up in memory. Every answer is null when the
 * columns cannot give it exactly (not built, behind the cache, another kind of filter), and the
 * caller asks SQLite instead.
 */
export class SearchTally {
  private readonly dataHits: Statement
  private readonly pdfHits: Statement
  private readonly rangeStatements = new Map<string, Statement>()

  constructor(
    private readonly db: Database,
    private readonly columns: MoneyColumnsKeeper
  ) {
    this.dataHits = db.prepare(`${FTS} @match`).pluck()
    this.pdfHits = db.prepare(`${PDF_FTS} @match`).pluck()
  }

  totals(filter: InvoiceFilter, rule: TotalsOptions): CurrencyTotal[] | null {
    const found = this.of(filter)
    if (found === null) return null
    const counted = rule.includeDuplicatesAndWontClaim ? [found.plain, found.flagged] : [found.plain]
    const withoutAmount = rule.includeDuplicatesAndWontClaim
      ? [...found.withoutAmount.plain, ...found.withoutAmount.flagged]
      : found.withoutAmount.plain
    return withWithoutAmount(foldTotals(byCurrency(counted.flat()), rule), withoutAmount, rule)
  }

  count(filter: InvoiceFilter): number | null {
    const found = this.of(filter)
    return found === null ? null : invoices(found.plain) + invoices(found.flagged)
  }

  /** The flagged invoices the totals leave out by default (totals-rule.ts). */
  leftOut(filter: InvoiceFilter): number | null {
    const found = this.of(filter)
    return found === null ? null : invoices(found.flagged)
  }

  private inRange(total: { min?: bigint; max?: bigint }): number[] {
    return this.ranged(rangeSql(total)).all(total) as number[]
  }

  private ranged(sql: string): Statement {
    let statement = this.rangeStatements.get(sql)
    if (!statement) this.rangeStatements.set(sql, (statement = this.db.prepare(sql).pluck()))
    return statement
  }

  private of(filter: InvoiceFilter): Tally | null {
    const asked = moneyColumnsQuery(filter)
    if (asked === null) return null
    const data = this.columns.current()
    if (data === null) return null
    const { match, total } = asked
    const hits =
      match === null
        ? [this.inRange(total!)]
        : [this.dataHits.all({ match }) as number[], this.pdfHits.all({ match }) as number[]].filter((ids) => ids.length > 0)
    return tally(data, hits, {
      removed: filter.onlyRemoved ? 'only' : filter.includeRemoved ? 'include' : 'exclude',
      status: filter.status,
      currency: filter.currency?.toUpperCase(),
      total: asked.total
    })
  }
}

/** A range alone: its ids from the index of totals, as many as it matches (each tested again in the tally). */
function rangeSql(total: { min?: bigint; max?: bigint }): string {
  const bounds = [total.min !== undefined && 'total_scaled >= @min', total.max !== undefined && 'total_scaled <= @max'].filter(Boolean)
  return `SELECT id FROM invoices WHERE ${bounds.join(' AND ')}`
}

function invoices(rows: readonly StatusSums[]): number {
  return rows.reduce((sum, row) => sum + Number(row.n), 0)
}

/** Rows of both kinds in currency order, as the SQL gives them, so the totals keep their order. */
function byCurrency(rows: StatusSums[]): StatusSums[] {
  return rows.sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0))
}
