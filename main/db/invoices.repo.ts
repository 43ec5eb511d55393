import type { Database, Statement } from 'better-sqlite3'
import type { InvoiceDetail, InvoiceQuery, InvoiceSummary, LineItem } from '../../preload/contract'
import { toScaled } from '../money/decimal'
import type { UnifiedInvoice } from '../providers/unified-invoice'
import { ftsQuery } from './fts-query'

interface SummaryRow {
  account_id: string
  account: string
  provider: InvoiceSummary['provider']
  remote_id: string
  number: string | null
  status: InvoiceSummary['status']
  raw_status: string | null
  payment_status: string | null
  counterparty: string | null
  currency: string
  total: string
  paid: string | null
  issue_date: string | null
  due_date: string | null
  removed: 0 | 1
  line_item_count: number
  has_pdf: 0 | 1
}

interface DetailRow extends SummaryRow {
  id: number
  notes: string | null
  subtotal: string | null
  tax: string | null
  period_start: string | null
  period_end: string | null
  remote_created_at: string | null
  remote_updated_at: string | null
  synced_at: string
  raw: string
}

const SUMMARY_COLUMNS = `
  i.account_id, a.name AS account, a.provider, i.remote_id, i.number, i.status, i.raw_status,
  i.payment_status, i.counterparty, i.currency, i.total, i.paid, i.issue_date, i.due_date,
  i.removed, i.line_item_count, i.has_pdf`

export class InvoicesRepo {
  private readonly upsertStmt
  private readonly ftsDeleteStmt
  private readonly ftsInsertStmt
  private readonly linesDeleteStmt
  private readonly lineInsertStmt
  private readonly markUnseenStmt
  private readonly detailStmt
  private readonly linesStmt
  private readonly statements = new Map<string, Statement>()

  constructor(private readonly db: Database) {
    this.upsertStmt = db.prepare<Record<string, unknown>>(`
      INSERT INTO invoices (
        account_id, remote_id, number, status, raw_status, payment_status, counterparty, notes,
        issue_date, due_date, period_start, period_end, currency, subtotal, tax, total, paid,
        total_scaled, has_pdf, line_item_count, remote_created_at, remote_updated_at, removed,
        seen_walk, raw, synced_at)
      VALUES (
        @accountId, @remoteId, @number, @status, @rawStatus, @paymentStatus, @counterparty, @notes,
        @issueDate, @dueDate, @periodStart, @periodEnd, @currency, @subtotal, @tax, @total, @paid,
        @totalScaled, @hasPdf, @lineItemCount, @remoteCreatedAt, @remoteUpdatedAt, @removed,
        @walk, @raw, @syncedAt)
      ON CONFLICT (account_id, remote_id) DO UPDATE SET
        number = excluded.number, status = excluded.status, raw_status = excluded.raw_status,
        payment_status = excluded.payment_status, counterparty = excluded.counterparty,
        notes = excluded.notes, issue_date = excluded.issue_date, due_date = excluded.due_date,
        period_start = excluded.period_start, period_end = excluded.period_end,
        currency = excluded.currency, subtotal = excluded.subtotal, tax = excluded.tax,
        total = excluded.total, paid = excluded.paid, total_scaled = excluded.total_scaled,
        has_pdf = excluded.has_pdf, line_item_count = excluded.line_item_count,
        remote_created_at = excluded.remote_created_at, remote_updated_at = excluded.remote_updated_at,
        removed = excluded.removed, seen_walk = excluded.seen_walk, raw = excluded.raw,
        synced_at = excluded.synced_at`)
    this.ftsDeleteStmt = db.prepare<[number]>(`DELETE FROM invoice_fts WHERE rowid = ?`)
    this.ftsInsertStmt = db.prepare(
      `INSERT INTO invoice_fts (rowid, number, counterparty, notes, lines) VALUES (?, ?, ?, ?, ?)`
    )
    this.linesDeleteStmt = db.prepare<[number]>(`DELETE FROM line_items WHERE invoice_id = ?`)
    this.lineInsertStmt = db.prepare(
      `INSERT INTO line_items (invoice_id, position, description, quantity, unit_price, amount) VALUES (@invoiceId, @position, @description, @quantity, @unitPrice, @amount)`
    )
    this.markUnseenStmt = db.prepare<[string, number]>(
      `UPDATE invoices SET removed = 1 WHERE account_id = ? AND seen_walk < ? AND removed = 0`
    )
    this.detailStmt = db.prepare<[string, string], DetailRow>(`
      SELECT ${SUMMARY_COLUMNS}, i.id, i.notes, i.subtotal, i.tax, i.period_start, i.period_end,
        i.remote_created_at, i.remote_updated_at, i.synced_at, i.raw
      FROM invoices i JOIN accounts a ON a.id = i.account_id
      WHERE i.account_id = ? AND i.remote_id = ?`)
    this.linesStmt = db.prepare<[number], { position: number; description: string; quantity: string | null; unit_price: string | null; amount: string | null }>(
      `SELECT position, description, quantity, unit_price, amount FROM line_items WHERE invoice_id = ? ORDER BY position`
    )
  }

  /**
   * Call inside the page's transaction: the rows, their lines and their search entries change
   * together. `existingId` is the row's id when the cache already has it (the change log looks
   * it up anyway): a new row then needs no clearing, and no RETURNING, which better-sqlite3
   * runs about three times slower than a plain write.
   */
  upsert(accountId: string, walk: number, syncedAt: string, invoice: UnifiedInvoice, existingId: number | null): void {
    const written = this.upsertStmt.run({
      accountId,
      walk,
      syncedAt,
      remoteId: invoice.remoteId,
      number: invoice.number,
      status: invoice.status,
      rawStatus: invoice.rawStatus,
      paymentStatus: invoice.paymentStatus,
      counterparty: invoice.counterparty,
      notes: invoice.notes,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      currency: invoice.currency,
      subtotal: invoice.subtotal,
      tax: invoice.tax,
      total: invoice.total,
      paid: invoice.paid,
      totalScaled: toScaled(invoice.total),
      hasPdf: invoice.hasPdf ? 1 : 0,
      lineItemCount: invoice.lineItems.length,
      remoteCreatedAt: invoice.remoteCreatedAt,
      remoteUpdatedAt: invoice.remoteUpdatedAt,
      removed: invoice.removed ? 1 : 0,
      raw: JSON.stringify(invoice.raw)
    })
    const id = existingId ?? Number(written.lastInsertRowid)
    if (existingId !== null) {
      this.linesDeleteStmt.run(id)
      this.ftsDeleteStmt.run(id)
    }
    for (const line of invoice.lineItems) this.lineInsertStmt.run({ invoiceId: id, ...line })
    this.ftsInsertStmt.run(
      id,
      invoice.number,
      invoice.counterparty,
      invoice.notes,
      invoice.lineItems.map((line) => line.description).join('\n')
    )
  }

  /** Tombstones every invoice of the account that the finished walk did not list. */
  markUnseenRemoved(accountId: string, walk: number): number {
    return this.markUnseenStmt.run(accountId, walk).changes
  }

  list(query: InvoiceQuery): { total: number; items: InvoiceSummary[] } {
    const where: string[] = []
    const params: Record<string, unknown> = {}
    if (!query.includeRemoved) where.push('i.removed = 0')
    if (query.accountId) {
      where.push('i.account_id = @accountId')
      params.accountId = query.accountId
    }
    if (query.status) {
      where.push('i.status = @status')
      params.status = query.status
    }
    const match = query.search ? ftsQuery(query.search) : null
    if (match !== null) {
      where.push('i.id IN (SELECT rowid FROM invoice_fts WHERE invoice_fts MATCH @match)')
      params.match = match
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
    const total = (this.prepared(`SELECT count(*) AS n FROM invoices i ${filter}`).get(params) as { n: number }).n
    const rows = this.prepared(
      `SELECT ${SUMMARY_COLUMNS} FROM invoices i JOIN accounts a ON a.id = i.account_id ${filter}
       ORDER BY i.issue_date DESC, i.id DESC LIMIT @limit OFFSET @offset`
    ).all({ ...params, limit: query.limit, offset: query.offset }) as SummaryRow[]
    return { total, items: rows.map(toSummary) }
  }

  /** Filter combinations are few, so their statements are prepared once and kept. */
  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (!statement) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  get(accountId: string, remoteId: string): InvoiceDetail | null {
    const row = this.detailStmt.get(accountId, remoteId)
    if (!row) return null
    const lineItems: LineItem[] = this.linesStmt.all(row.id).map((line) => ({
      position: line.position,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      amount: line.amount
    }))
    return {
      ...toSummary(row),
      notes: row.notes,
      subtotal: row.subtotal,
      tax: row.tax,
      periodStart: row.period_start,
      periodEnd: row.period_end,
      remoteCreatedAt: row.remote_created_at,
      remoteUpdatedAt: row.remote_updated_at,
      syncedAt: row.synced_at,
      lineItems,
      history: [],
      rawJson: JSON.stringify(JSON.parse(row.raw), null, 2)
    }
  }
}

function toSummary(row: SummaryRow): InvoiceSummary {
  return {
    accountId: row.account_id,
    account: row.account,
    provider: row.provider,
    remoteId: row.remote_id,
    number: row.number,
    status: row.status,
    rawStatus: row.raw_status,
    paymentStatus: row.payment_status,
    counterparty: row.counterparty,
    currency: row.currency,
    total: row.total,
    paid: row.paid,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    removed: row.removed === 1,
    lineItemCount: row.line_item_count,
    hasPdf: row.has_pdf === 1
  }
}
