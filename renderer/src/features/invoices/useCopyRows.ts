import { useCallback, useState } from 'react'
import type { InvoiceKey } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { plural, todayIsoDate } from '../../lib/format'
import { call } from '../../lib/ipc'
import type { ColumnSpec } from './columns'
import { rowsAsTsv } from './rowsAsTsv'

export type CopyRows = {
  copy: (keys: InvoiceKey[]) => Promise<void>
  /** What the last copy did, for a polite announcement; null before any. */
  message: { tone: 'success' | 'error'; text: string } | null
  dismiss: () => void
}

/** Puts the picked rows on the clipboard as TSV, read afresh from main so rows not on screen are whole. */
export function useCopyRows(columns: ColumnSpec[], providerLabel: (id: string) => string, amountsHidden: boolean): CopyRows {
  const [message, setMessage] = useState<CopyRows['message']>(null)
  const copy = useCallback(
    async (keys: InvoiceKey[]) => {
      if (keys.length === 0) return setMessage({ tone: 'error', text: 'Select rows to copy (Space or x), or move to one with j/k.' })
      try {
        const rows = await call('invoices.getMany', { invoices: keys })
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
  return { copy, message, dismiss: useCallback(() => setMessage(null), []) }
}
