import { useId, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { InvoiceListing } from '../../lib/contract'
import { formatCount, plural } from '../../lib/format'
import { Popover } from '../../components/Popover'
import type { useExport } from './useExport'
import { Button } from '../../components/Button'

type Exporter = ReturnType<typeof useExport>

/** "Export CSV…": what to write, then one click; main writes the whole filtered set, not the page. */
export function ExportButton({ exporter, query, total }: { exporter: Exporter; query: InvoiceListing; total: number }) {
  const id = useId()
  const [level, setLevel] = useState<'invoice' | 'line'>('invoice')
  const [bom, setBom] = useState(false)
  const running = exporter.state.phase === 'running'

  return (
    <Popover label="Export CSV…" title="Export CSV">
      {(close) => (
        <form
          className="export-form"
          aria-label="Export CSV"
          onSubmit={(event) => {
            event.preventDefault()
            close()
            void exporter.start(query, level, bom)
          }}
        >
          <fieldset>
            <legend>Rows</legend>
            <label className="checkbox">
              <input type="radio" name={`${id}-level`} checked={level === 'invoice'} onChange={() => setLevel('invoice')} />
              One per invoice
            </label>
            <label className="checkbox">
              <input type="radio" name={`${id}-level`} checked={level === 'line'} onChange={() => setLevel('line')} />
              One per line item
            </label>
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
            For Excel (UTF-8 with byte order mark)
          </label>
          <Button type="submit" variant="primary" disabled={running || total === 0}>
            Export {plural(total, 'invoice', 'invoices')}
          </Button>
        </form>
      )}
    </Popover>
  )
}

/** Progress while main writes the file, then where it went. */
export function ExportStatus({ exporter }: { exporter: Exporter }) {
  const { state } = exporter
  if (state.phase === 'idle') return null
  if (state.phase === 'failed') {
    return (
      <Notice tone="error" onDismiss={exporter.dismiss}>
        The export failed: {state.message}
      </Notice>
    )
  }
  if (state.phase === 'done') {
    return (
      <Notice tone="success" onDismiss={exporter.dismiss}>
        Exported {plural(state.result.invoices, 'invoice', 'invoices')}
        {state.result.rows !== state.result.invoices ? ` (${formatCount(state.result.rows)} rows)` : ''} to{' '}
        <span className="mono break">{state.result.path}</span>
      </Notice>
    )
  }
  const { progress } = state
  return (
    <div className="export-progress notice notice-info" role="status">
      <span>
        {progress === null
          ? 'Starting the export…'
          : `Exporting ${formatCount(progress.written)} of ${plural(progress.total, 'invoice', 'invoices')}…`}
      </span>
      <progress max={progress?.total || 1} value={progress?.written ?? 0} aria-label="Export progress" />
      <Button size="small" disabled={state.cancelling} onClick={exporter.cancel}>
        {state.cancelling ? 'Cancelling…' : 'Cancel export'}
      </Button>
    </div>
  )
}
