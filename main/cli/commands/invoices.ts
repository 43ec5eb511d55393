import { z } from 'zod'
import type { InvoiceFlag, InvoiceSummary, InvoiceDetail } from '../../../preload/contract'
import { print, printJson, printTable, UsageError, type CliContext } from '../cli-context'
import { FILTER_OPTIONS, listingFromArgs } from '../invoice-filter-args'
import { parseCommandArgs, parseValue } from '../parse'
import { parseInvoiceReference } from '../invoice-reference'

const PAGE = 500

export async function invoicesCommand(ctx: CliContext, args: string[]): Promise<number> {
  const [verb, ...rest] = args
  if (verb === 'list') return list(ctx, rest)
  if (verb === 'show') return show(ctx, rest)
  throw new UsageError(`invoices: expected list or show, got ${verb ?? 'nothing'}`)
}

function list(ctx: CliContext, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...FILTER_OPTIONS,
    limit: { type: 'string' },
    all: { type: 'boolean' },
    json: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`invoices list: unexpected ${positionals.join(' ')}`)
  if (values.all && values.limit !== undefined) throw new UsageError('invoices list: use either --limit or --all')
  const limit = values.all ? Infinity : parseValue(z.coerce.number().int().min(1), values.limit ?? '50', '--limit')
  const query = listingFromArgs(ctx, values)
  const first = ctx.core.invoices.list({ ...query, offset: 0, limit: Math.min(PAGE, limit) })
  const pages = (function* () {
    yield first.items
    for (let offset = first.items.length; offset < Math.min(first.total, limit) && first.items.length > 0; offset += PAGE) {
      yield ctx.core.invoices.list({ ...query, offset, limit: Math.min(PAGE, limit - offset) }).items
    }
  })()

  if (values.json) {
    // Streamed page by page, so --all on a huge cache never holds it all in memory.
    ctx.stdout.write(`{"total":${first.total},"items":[`)
    let written = 0
    for (const items of pages) {
      for (const item of items) ctx.stdout.write(`${written++ === 0 ? '\n' : ',\n'}${JSON.stringify(item)}`)
    }
    ctx.stdout.write(`${written > 0 ? '\n' : ''}]}\n`)
    return 0
  }
  const rows: InvoiceSummary[] = []
  for (const items of pages) rows.push(...items)
  printTable(
    ctx.stdout,
    ['ACCOUNT/REMOTE ID', 'NUMBER', 'STATUS', 'ISSUED', 'COUNTERPARTY', 'TOTAL', 'CUR'],
    rows.map((i) => [
      `${i.account}/${i.remoteId}`,
      i.number ?? '',
      statusText(i),
      i.issueDate ?? '',
      i.counterparty ?? '',
      i.total ?? '—',
      i.currency
    ]),
    [5]
  )
  print(ctx.stderr, `${rows.length} of ${first.total} invoices`)
  return 0
}

const FLAG_WORDS: Record<InvoiceFlag, string> = { duplicate: 'duplicate', wontClaim: 'won’t claim', errors: 'errors' }

/** The status, with the provider's flags and a tombstone said beside it. */
function statusText(invoice: InvoiceSummary): string {
  const notes = [...invoice.flags.map((flag) => FLAG_WORDS[flag]), ...(invoice.removed ? ['removed'] : [])]
  return notes.length > 0 ? `${invoice.status} (${notes.join(', ')})` : invoice.status
}

function show(ctx: CliContext, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  const { accountId, remoteId } = parseInvoiceReference(ctx, positionals, 'invoices show')
  const invoice = ctx.core.invoices.get(accountId, remoteId)
  if (values.json) {
    printJson(ctx.stdout, invoice)
    return 0
  }
  const field = (label: string, value: string | null): void => print(ctx.stdout, `${label.padEnd(14)}${value ?? '—'}`)
  field('Invoice', invoice.number)
  field('Status', `${invoice.status}${invoice.rawStatus ? ` (${invoice.rawStatus})` : ''}${invoice.removed ? ', removed upstream' : ''}`)
  field('Counterparty', invoice.counterparty)
  field('Account', `${invoice.account} (${invoice.provider})`)
  field('Issued', invoice.issueDate)
  field('Due', invoice.dueDate)
  // Only Hoursmith sends them; instants, printed as sent (UTC), like "Synced at".
  if (invoice.sentAt !== null) field('Sent at', invoice.sentAt)
  if (invoice.paidAt !== null) field('Paid at', invoice.paidAt)
  if (invoice.flags.length > 0) field('Flags', invoice.flags.map((flag) => FLAG_WORDS[flag]).join(', '))
  field('Subtotal', invoice.subtotal && `${invoice.subtotal} ${invoice.currency}`)
  if (invoice.discount !== null) field('Discount', `${invoice.discount} ${invoice.currency}`)
  field('Tax', invoice.tax && `${invoice.tax} ${invoice.currency}`)
  field('Total', invoice.total && `${invoice.total} ${invoice.currency}`)
  field('Paid', invoice.paid && `${invoice.paid} ${invoice.currency}`)
  field('Notes', invoice.notes)
  field('Remote id', invoice.remoteId)
  field('Synced at', invoice.syncedAt)
  field('PDF check', pdfCheckText(invoice.pdfCheck))
  if (invoice.lineItems.length > 0) {
    print(ctx.stdout)
    printTable(
      ctx.stdout,
      ['#', 'DESCRIPTION', 'QTY', 'UNIT', 'AMOUNT'],
      invoice.lineItems.map((l) => [String(l.position + 1), l.description, l.quantity ?? '', l.unitPrice ?? '', l.amount ?? '']),
      [2, 3, 4]
    )
  }
  return 0
}

function pdfCheckText(check: InvoiceDetail['pdfCheck']): string | null {
  if (check === null) return null
  if (check.outcome === 'match') return 'the provider’s PDF prints this number and total'
  if (check.outcome === 'notChecked') return `not checked: ${check.detail ?? 'its text could not be read'}`
  return `MISMATCH: ${check.detail ?? ''}`
}
