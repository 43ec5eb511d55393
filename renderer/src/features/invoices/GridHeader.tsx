import { useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react'
import { SELECT_PIN } from './pinnedColumns'
import type { GridColumn, InvoiceSort } from '../../lib/contract'
import { AMOUNT_COLUMNS } from './listingWhileHidden'
import { clampWidth, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, type ColumnSpec } from './columns'

type Props = {
  columns: { spec: ColumnSpec; width: number }[]
  sort: InvoiceSort
  onSort: (sort: InvoiceSort) => void
  onResize: (id: GridColumn, width: number) => void
  amountSortOff: boolean
  /** Sticky offsets of the pinned columns (pinnedColumns.ts). */
  pins: Map<GridColumn, CSSProperties>
  /** ↓ from the header: focus goes down to the current row. */
  onFocusRows: () => void
}

const KEY_STEP = 16

/**
 * Column headers: a click sorts by the column (again: the other way), and the handle on each
 * header's right edge resizes it by dragging or with Shift+←/→.
 *
 * The whole header is one tab stop (roving tabindex): ←/→ move between the sort buttons and the
 * resize handles, Home/End to the first or last, Enter/Space sorts, ↓ goes down into the rows.
 * Tabbing through every header and handle cost a keyboard user dozens of presses between the
 * search box and the first row.
 */
export function GridHeader({ columns, sort, onSort, onResize, amountSortOff, pins, onFocusRows }: Props) {
  // Which stop holds the header's one tabindex=0, by stop key ("sort:total", "resize:total").
  const [current, setCurrent] = useState<string | null>(null)
  const stops = headerStops(columns, amountSortOff)
  const tabStop = current !== null && stops.includes(current) ? current : (stops[0] ?? null)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const target = event.target instanceof HTMLElement ? event.target.dataset.headStop : undefined
    if (target === undefined) return
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      onFocusRows()
      return
    }
    const at = stops.indexOf(target)
    const to =
      event.key === 'ArrowLeft'
        ? at - 1
        : event.key === 'ArrowRight'
          ? at + 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? stops.length - 1
              : null
    if (to === null) return
    event.preventDefault()
    const next = stops[Math.max(0, Math.min(stops.length - 1, to))]
    if (next === undefined) return
    setCurrent(next)
    event.currentTarget.querySelector<HTMLElement>(`[data-head-stop="${next}"]`)?.focus()
  }
  function onFocus(event: FocusEvent<HTMLDivElement>) {
    const key = event.target instanceof HTMLElement ? event.target.dataset.headStop : undefined
    if (key !== undefined && key !== current) setCurrent(key)
  }

  return (
    <div role="row" className="grid-row grid-head-row" onKeyDown={onKeyDown} onFocus={onFocus}>
      <div role="columnheader" className="grid-cell cell-select is-pinned" style={SELECT_PIN}>
        <span className="sr-only">Selected</span>
      </div>
      {columns.map(({ spec, width }) => {
        const sorted = sort.column === spec.id ? sort.direction : null
        const next: InvoiceSort = {
          column: spec.id,
          direction: sorted === 'asc' ? 'desc' : sorted === 'desc' ? 'asc' : defaultDirection(spec.id)
        }
        return (
          <div
            key={spec.id}
            role="columnheader"
            aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
            className={`grid-cell grid-head-cell${spec.align ? ` align-${spec.align}` : ''}${pins.has(spec.id) ? ' is-pinned' : ''}`}
            style={pins.get(spec.id)}
          >
            <button
              type="button"
              className="sort-button"
              data-head-stop={`sort:${spec.id}`}
              tabIndex={tabStop === `sort:${spec.id}` ? 0 : -1}
              onClick={() => onSort(next)}
              disabled={amountSortOff && AMOUNT_COLUMNS.has(spec.id)}
              title={amountSortOff && AMOUNT_COLUMNS.has(spec.id) ? 'Sorting by an amount is off while amounts are hidden' : undefined}
            >
              <span className="cell-text">{spec.label}</span>
              <span className="sort-mark" aria-hidden="true">
                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
              </span>
            </button>
            <ResizeHandle id={spec.id} label={spec.label} width={width} onResize={onResize} tabbable={tabStop === `resize:${spec.id}`} />
          </div>
        )
      })}
    </div>
  )
}

/** The header's keyboard stops, left to right: each column's sort button (unless disabled), then its resize handle. */
function headerStops(columns: { spec: ColumnSpec }[], amountSortOff: boolean): string[] {
  return columns.flatMap(({ spec }) => [...(amountSortOff && AMOUNT_COLUMNS.has(spec.id) ? [] : [`sort:${spec.id}`]), `resize:${spec.id}`])
}

/** Money and dates are most useful largest or newest first; text A to Z. */
function defaultDirection(column: GridColumn): InvoiceSort['direction'] {
  return ['total', 'paid', 'balance', 'daysOverdue', 'issueDate', 'dueDate', 'paidAt', 'sentAt'].includes(column) ? 'desc' : 'asc'
}

function ResizeHandle({
  id,
  label,
  width,
  onResize,
  tabbable
}: {
  id: GridColumn
  label: string
  width: number
  onResize: (id: GridColumn, width: number) => void
  tabbable: boolean
}) {
  const drag = useRef<{ x: number; width: number } | null>(null)

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    event.preventDefault()
    event.stopPropagation()
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, width }
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (drag.current) onResize(id, clampWidth(drag.current.width + event.clientX - drag.current.x))
  }
  // Plain ←/→ move between the header's stops; with Shift they resize (the header is one tab stop).
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return
    const by = event.key === 'ArrowLeft' ? -KEY_STEP : event.key === 'ArrowRight' ? KEY_STEP : 0
    if (by === 0) return
    event.preventDefault()
    event.stopPropagation()
    onResize(id, clampWidth(width + by))
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label} column`}
      aria-valuenow={width}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      aria-keyshortcuts="Shift+ArrowLeft Shift+ArrowRight"
      data-head-stop={`resize:${id}`}
      tabIndex={tabbable ? 0 : -1}
      className="resize-handle"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
      onClick={(event) => event.stopPropagation()}
    />
  )
}
