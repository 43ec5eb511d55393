import { useEffect, useId, useState, type RefObject } from 'react'
import type { Find } from './useFind'
import type { Zoom, ZoomMode } from './useZoom'
import { Button } from '../../components/Button'

type Props = {
  pageNumber: number
  pageCount: number
  onGoTo: (page: number) => void
  zoom: Zoom
  find: Find
  findRef: RefObject<HTMLInputElement | null>
  onPrint: () => void
  /** Amounts are hidden and this document is not revealed: finding or printing would show them. */
  veiled: boolean
  printing: boolean
}

const PRESETS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3]
const FITS: { mode: ZoomMode; label: string }[] = [
  { mode: 'auto', label: 'Automatic' },
  { mode: 'width', label: 'Fit width' },
  { mode: 'page', label: 'Fit page' }
]

const percent = (scale: number): string => `${Math.round(scale * 100)} %`

export function PdfToolbar({ pageNumber, pageCount, onGoTo, zoom, find, findRef, onPrint, printing, veiled }: Props) {
  const id = useId()
  const [typed, setTyped] = useState(String(pageNumber))
  useEffect(() => setTyped(String(pageNumber)), [pageNumber])

  const go = (): void => {
    const page = Number(typed)
    if (Number.isInteger(page) && page >= 1 && page <= pageCount) onGoTo(page)
    else setTyped(String(pageNumber))
  }
  const zoomValue = zoom.mode === 'custom' ? String(zoom.scale) : zoom.mode
  const findStatus = find.query.trim() === '' ? '' : find.hits.length === 0 ? 'No matches' : `${find.index + 1} of ${find.hits.length}`

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="PDF viewer">
      <div className="pdf-tool-group">
        <Button size="small" onClick={() => onGoTo(pageNumber - 1)} disabled={pageNumber <= 1} aria-label="Previous page">
          ‹
        </Button>
        <label htmlFor={`${id}-page`} className="sr-only">
          Page
        </label>
        <input
          id={`${id}-page`}
          className="pdf-page-input"
          inputMode="numeric"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={go}
          onKeyDown={(event) => event.key === 'Enter' && go()}
        />
        <span className="muted">of {pageCount}</span>
        <Button size="small" onClick={() => onGoTo(pageNumber + 1)} disabled={pageNumber >= pageCount} aria-label="Next page">
          ›
        </Button>
      </div>

      <div className="pdf-tool-group">
        <Button size="small" onClick={zoom.zoomOut} aria-label="Zoom out">
          −
        </Button>
        <label htmlFor={`${id}-zoom`} className="sr-only">
          Zoom
        </label>
        <select
          id={`${id}-zoom`}
          value={zoomValue}
          onChange={(event) => {
            const value = event.target.value
            if (FITS.some((fit) => fit.mode === value)) zoom.setMode(value as ZoomMode)
            else zoom.setScale(Number(value))
          }}
        >
          {FITS.map((fit) => (
            <option key={fit.mode} value={fit.mode}>
              {fit.label}
              {zoom.mode === fit.mode ? ` (${percent(zoom.scale)})` : ''}
            </option>
          ))}
          {[...new Set([...PRESETS, ...(zoom.mode === 'custom' ? [zoom.scale] : [])])]
            .sort((a, b) => a - b)
            .map((scale) => (
              <option key={scale} value={String(scale)}>
                {percent(scale)}
              </option>
            ))}
        </select>
        <Button size="small" onClick={zoom.zoomIn} aria-label="Zoom in">
          +
        </Button>
      </div>

      <div className="pdf-tool-group pdf-find">
        <label htmlFor={`${id}-find`} className="sr-only">
          Find in PDF
        </label>
        <input
          id={`${id}-find`}
          ref={findRef}
          type="search"
          placeholder="Find in PDF"
          disabled={veiled}
          value={veiled ? '' : find.query}
          onChange={(event) => find.setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            event.preventDefault()
            if (event.shiftKey) find.previous()
            else find.next()
          }}
        />
        <span className="pdf-find-status muted" role="status">
          {veiled ? '' : findStatus}
        </span>
        <Button size="small" onClick={find.previous} disabled={veiled || find.hits.length === 0} aria-label="Previous match">
          ↑
        </Button>
        <Button size="small" onClick={find.next} disabled={veiled || find.hits.length === 0} aria-label="Next match">
          ↓
        </Button>
      </div>

      <Button size="small" onClick={onPrint} disabled={printing || veiled}>
        {printing ? 'Preparing…' : 'Print…'}
      </Button>
    </div>
  )
}
