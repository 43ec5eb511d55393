import { useCallback, useState } from 'react'
import type { InvoiceKey, InvoiceListing, InvoiceSummary } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { formatCount, plural, todayIsoDate } from '../../lib/format'
import { call } from '../../lib/ipc'
import type { ColumnSpec } from './columns'
import { rowsAsTsv } from './rowsAsTsv'
import { MAX_KEYS_PER_CALL, MAX_LIST_WINDOW } from '../../../../preload/contract/export-limits'

/** The most rows a copy takes: a clipboard is not an export, and `invoices.getMany` takes as many. */
const MAX_COPY_ROWS = MAX_KEYS_PER_CALL
const PAGE = MAX_LIST_WINDOW

export type CopyRows = {
  copy: (keys: InvoiceKey[]) => Promise<void>
  /** Every invoice the listing matches, in its order; refused above MAX_COPY_ROWS. */
  copyAllMatching: (listing: InvoiceListing, count: number) => Promise<void>
  /** What the last copy did, for a polite announcement; null before any. */
  message: { tone: 'success' | 'error'; text: string } | null
  dismiss: () => void
}

/** Puts the picked rows on the clipboard as TSV, read afresh from main so rows not on screen are whole. */
export function useCopyRows(columns: ColumnSpec[], providerLabel: (id: string) => string, amountsHidden: boolean): CopyRows {
  const [message, setMessage] = useState<CopyRows['message']>(null)
  const write = useCallback(
    async (read: () => Promise<InvoiceSummary[]>) => {
      try {
        const rows = await read()
        await navigator.clipboard.writeText(rowsAsTsv(rows, columns, { providerLabel, today: todayIsoDate(), amountsHidden }))
        const note = amountsHidden ? ' Amounts were left out while they are hidden.' : ''
        setMessage({
          tone: 'success',
          text: `Copied ${plural(rows.length, 'row', 'rows')} with a header, ready to paste into a spreadsheet.${note}`
        })
      } catch (caught) {
        setMessage({ tone: 'error', text: `Could not copy: ${errorMessage(caught)}` })
      }
    },
    [columns, providerLabel, amountsHidden]
  )
  const copy = useCallback(
    async (keys: InvoiceKey[]) => {
      if (keys.length === 0) return setMessage({ tone: 'error', text: 'Select rows to copy (Space or x), or move to one with j/k.' })
      if (keys.length > MAX_COPY_ROWS) return setMessage(tooMany(keys.length))
      await write(() => call('invoices.getMany', { invoices: keys }))
    },
    [write]
  )
  const copyAllMatching = useCallback(
    async (listing: InvoiceListing, count: number) => {
      if (count > MAX_COPY_ROWS) return setMessage(tooMany(count))
      await write(async () => {
        const rows: InvoiceSummary[] = []
        // Windows of the grid's own query, so the rows come in the order on screen.
        for (let offset = 0; offset < count; offset += PAGE) {
          const { items } = await call('invoices.list', { ...listing, offset, limit: PAGE })
          rows.push(...items)
          if (items.length < PAGE) break
        }
        return rows
      })
    },
    [write]
  )
  return { copy, copyAllMatching, message, dismiss: useCallback(() => setMessage(null), []) }
}

function tooMany(count: number): NonNullable<CopyRows['message']> {
  return {
    tone: 'error',
    text: `${plural(count, 'row is', 'rows are')} too many to copy (at most ${formatCount(MAX_COPY_ROWS)}). Use Export CSV… to get them all.`
  }
}
