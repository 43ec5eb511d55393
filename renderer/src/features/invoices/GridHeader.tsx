import { useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react'
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
}

const KEY_STEP = 16

/**
 * Column headers: a click sorts by the column (again: the other way), and the handle on each
 * header's right edge resizes it by dragging or with the arrow keys.
 */
export function GridHeader({ columns, sort, onSort, onResize, amountSortOff, pins }: Props) {
  return (
    <div role="row" className="grid-row grid-head-row">
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
              onClick={() => onSort(next)}
              disabled={amountSortOff && AMOUNT_COLUMNS.has(spec.id)}
              title={amountSortOff && AMOUNT_COLUMNS.has(spec.id) ? 'Sorting by an amount is off while amounts are hidden' : undefined}
            >
              <span className="cell-text">{spec.label}</span>
              <span className="sort-mark" aria-hidden="true">
                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
              </span>
            </button>
            <ResizeHandle id={spec.id} label={spec.label} width={width} onResize={onResize} />
          </div>
        )
      })}
    </div>
  )
}

/** Money and dates are most useful largest or newest first; text A to Z. */
function defaultDirection(column: GridColumn): InvoiceSort['direction'] {
  return ['total', 'paid', 'balance', 'daysOverdue', 'issueDate', 'dueDate', 'paidAt', 'sentAt'].includes(column) ? 'desc' : 'asc'
}

function ResizeHandle({
  id,
  label,
  width,
  onResize
}: {
  id: GridColumn
  label: string
  width: number
  onResize: (id: GridColumn, width: number) => void
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
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
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
      tabIndex={0}
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
