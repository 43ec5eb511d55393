import { useId, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { CsvDelimiter, InvoiceListing } from '../../lib/contract'
import { formatCount, plural } from '../../lib/format'
import { Popover } from '../../components/Popover'
import { MAX_EXPORT_SELECTION } from '../../../../preload/contract/export-limits'
import type { RowSelection } from './rowSelection'
import { useCsvDelimiter } from './useCsvDelimiter'
import type { useExport } from './useExport'
import './ExportControls.css'
import { Button } from '../../components/Button'

type Exporter = ReturnType<typeof useExport>

const DELIMITERS: [CsvDelimiter, string][] = [
  ['comma', 'Comma'],
  ['semicolon', 'Semicolon (where a comma is the decimal separator)'],
  ['tab', 'Tab']
]

/**
 * "Export CSV…": what to write, then one click. Main writes the whole filtered set, or only the
 * rows picked in the grid (sent as their keys), never just the page on screen.
 */
export function ExportButton({
  exporter,
  query,
  total,
  selection,
  openRequest
}: {
  exporter: Exporter
  query: InvoiceListing
  total: number
  selection: RowSelection
  /** Bumped by the Export shortcut (Ctrl/Cmd-Shift-E) to open these choices. */
  openRequest: number
}) {
  const id = useId()
  const [level, setLevel] = useState<'invoice' | 'line'>('invoice')
  const [bom, setBom] = useState(false)
  const [delimiter, setDelimiter] = useCsvDelimiter()
  const [onlySelected, setOnlySelected] = useState(true)
  const running = exporter.state.phase === 'running'
  // Selecting all matching is the filter itself: nothing to choose between.
  const picked = selection.kind === 'rows' ? selection.keys : []
  const tooManyPicked = picked.length > MAX_EXPORT_SELECTION
  const selectedOnly = picked.length > 0 && onlySelected && !tooManyPicked
  const count = selectedOnly ? picked.length : total

  return (
    <Popover label="Export CSV…" title="Export CSV" keyshortcuts="Control+Shift+E Meta+Shift+E" openRequest={openRequest}>
      {(close) => (
        <form
          className="export-form"
          aria-label="Export CSV"
          onSubmit={(event) => {
            event.preventDefault()
            close()
            void exporter.start({ query, level, bom, delimiter, ...(selectedOnly ? { selection: picked } : {}) })
          }}
        >
          {picked.length > 0 && (
            <fieldset>
              <legend>Invoices</legend>
              <label className="checkbox">
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={selectedOnly}
                  disabled={tooManyPicked}
                  onChange={() => setOnlySelected(true)}
                />
                Selected rows ({formatCount(picked.length)})
              </label>
              {tooManyPicked && (
                <span className="muted export-scope-note">
                  At most {formatCount(MAX_EXPORT_SELECTION)} picked rows: narrow the filter and export all matching.
                </span>
              )}
              <label className="checkbox">
                <input type="radio" name={`${id}-scope`} checked={!selectedOnly} onChange={() => setOnlySelected(false)} />
                All {formatCount(total)} matching
              </label>
            </fieldset>
          )}
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
          <fieldset>
            <legend>Separator</legend>
            {DELIMITERS.map(([value, label]) => (
              <label key={value} className="checkbox">
                <input type="radio" name={`${id}-delimiter`} checked={delimiter === value} onChange={() => setDelimiter(value)} />
                {label}
              </label>
            ))}
          </fieldset>
          <label className="checkbox">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
            For Excel (UTF-8 with byte order mark)
          </label>
          <Button type="submit" variant="primary" disabled={running || count === 0}>
            Export {plural(count, 'invoice', 'invoices')}
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
    const { result, openError } = state
    // Only the desktop app can hand a file to the system; elsewhere the buttons say so.
    const unavailable = result.desktop ? undefined : 'Available in the Quire desktop app'
    return (
      <Notice tone="success" onDismiss={exporter.dismiss}>
        Exported {plural(result.invoices, 'invoice', 'invoices')}
        {result.rows !== result.invoices ? ` (${formatCount(result.rows)} rows)` : ''} to <span className="mono break">{result.path}</span>
        <span className="export-open-actions">
          <Button size="small" disabled={!result.desktop} title={unavailable} onClick={() => void exporter.open(result.id, false)}>
            Open
          </Button>
          <Button size="small" disabled={!result.desktop} title={unavailable} onClick={() => void exporter.open(result.id, true)}>
            Show in folder
          </Button>
        </span>
        {openError && (
          <span className="export-open-error" role="alert">
            {openError}
          </span>
        )}
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
