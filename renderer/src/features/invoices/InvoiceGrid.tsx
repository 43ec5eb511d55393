import { useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react'
import { useLatestCallback } from '../../lib/useLatestCallback'
import type { GridColumn, InvoiceSort, InvoiceSummary } from '../../lib/contract'
import { SELECT_COLUMN_WIDTH, type ColumnSpec } from './columns'
import { GridHeader } from './GridHeader'
import { invoiceKey } from './invoiceKey'
import { pinnedColumns } from './pinnedColumns'
import { InvoiceRow } from './InvoiceRow'
import type { RowWindows } from './useRowWindows'
import { useScaledVirtualizer } from './useScaledVirtualizer'

export const ROW_HEIGHT = 30
/** The sticky header row's height (styles.css: .grid-head-row). */
const HEAD_HEIGHT = 34
/** Rows rendered beyond each edge of the view, so a scroll the compositor runs ahead of the page finds rows there. */
const OVERSCAN = 6

export type ToggleMode = 'one' | 'range'

type Props = {
  windows: RowWindows
  total: number
  columns: { spec: ColumnSpec; width: number }[]
  sort: InvoiceSort
  onSort: (sort: InvoiceSort) => void
  /** Amounts are hidden: sorting by one would rank the hidden values. */
  amountSortOff?: boolean
  onResize: (id: GridColumn, width: number) => void
  activeIndex: number
  onActiveChange: (index: number) => void
  /** Bumped when the screen wants focus on the active row (j/k pressed outside the grid). */
  focusRequest: number
  openKey: string | null
  isChecked: (invoice: InvoiceSummary) => boolean
  onToggle: (index: number, invoice: InvoiceSummary, mode: ToggleMode) => void
  onOpen: (invoice: InvoiceSummary, viaKeyboard: boolean) => void
  providerLabel: (providerId: string) => string
}

/**
 * Every matching invoice as one ARIA grid, virtualized: only the rows in view exist, and they are
 * fetched from main a window at a time. One row is in the tab order (roving tabindex); arrows or
 * j/k move, Enter opens, Space or x selects, Home/End and Page keys jump.
 */
export function InvoiceGrid(props: Props) {
  const { windows, total, columns, sort, activeIndex, onActiveChange, focusRequest, openKey, isChecked, onToggle, onOpen, providerLabel } =
    props
  const scrollRef = useRef<HTMLDivElement>(null)
  const wantsFocus = useRef(false)
  const { virtualizer, height, rowTop } = useScaledVirtualizer(total, scrollRef, ROW_HEIGHT, OVERSCAN, HEAD_HEIGHT + 1)
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  const width = SELECT_COLUMN_WIDTH + columns.reduce((sum, column) => sum + column.width, 0)
  const template = [`${SELECT_COLUMN_WIDTH}px`, ...columns.map((column) => `${column.width}px`)].join(' ')
  const pins = useMemo(() => pinnedColumns(columns), [columns])
  const specs = useMemo(() => columns.map((column) => column.spec), [columns])

  const { show, listingKey } = windows
  useEffect(() => show(first, last), [show, first, last])

  // A new query starts at its top.
  useEffect(() => {
    virtualizer.scrollToOffset(0)
  }, [listingKey, virtualizer])

  const activeRef = useRef(activeIndex)
  activeRef.current = activeIndex
  useEffect(() => {
    if (focusRequest === 0) return
    virtualizer.scrollToIndex(activeRef.current, { align: 'auto' })
    wantsFocus.current = true
  }, [focusRequest, virtualizer])

  // Focus follows the active row once it is rendered (it may need a scroll first).
  useEffect(() => {
    if (!wantsFocus.current) return
    const row = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${activeIndex}"]`)
    if (row && row.tabIndex === 0) {
      row.focus({ preventScroll: true })
      wantsFocus.current = false
    }
  })

  function moveTo(index: number) {
    if (total === 0) return
    const target = Math.max(0, Math.min(total - 1, index))
    onActiveChange(target)
    virtualizer.scrollToIndex(target, { align: 'auto' })
    wantsFocus.current = true
  }

  // The row may already be current and rendered: no render follows, so focus it here.
  function focusActiveRow() {
    moveTo(activeIndex)
    const row = scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${activeIndex}"]`)
    if (row?.tabIndex === 0) {
      row.focus({ preventScroll: true })
      wantsFocus.current = false
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (
      !(event.target instanceof HTMLElement) ||
      event.target.getAttribute('role') !== 'row' ||
      event.altKey ||
      event.metaKey ||
      event.ctrlKey
    )
      return
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2)
    const invoice = windows.rowAt(activeIndex)
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        moveTo(activeIndex + 1)
        break
      case 'ArrowUp':
      case 'k':
        moveTo(activeIndex - 1)
        break
      case 'PageDown':
        moveTo(activeIndex + page)
        break
      case 'PageUp':
        moveTo(activeIndex - page)
        break
      case 'Home':
        moveTo(0)
        break
      case 'End':
        moveTo(total - 1)
        break
      case 'Enter':
        if (invoice) onOpen(invoice, true)
        break
      case ' ':
      case 'x':
        if (invoice) onToggle(activeIndex, invoice, event.shiftKey ? 'range' : 'one')
        break
      default:
        return
    }
    event.preventDefault()
  }

  const onRowClick = useLatestCallback((event: MouseEvent<HTMLDivElement>, index: number, invoice: InvoiceSummary) => {
    onActiveChange(index)
    if (event.shiftKey) onToggle(index, invoice, 'range')
    else if (event.ctrlKey || event.metaKey) onToggle(index, invoice, 'one')
    else onOpen(invoice, false)
  })
  const onRowFocus = useLatestCallback((index: number) => index !== activeIndex && onActiveChange(index))
  const onRowToggle = useLatestCallback((event: MouseEvent<HTMLInputElement>, index: number, invoice: InvoiceSummary) =>
    onToggle(index, invoice, event.shiftKey ? 'range' : 'one')
  )

  const activeRendered = items.some((item) => item.index === activeIndex)

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Invoices"
      aria-rowcount={total}
      aria-colcount={columns.length + 1}
      aria-multiselectable="true"
      aria-busy={windows.loading || undefined}
      // The active row may be scrolled out of existence; then the grid itself takes Tab and hands focus back to it.
      tabIndex={activeRendered ? -1 : 0}
      onFocus={(event) => {
        if (event.target === event.currentTarget && total > 0) moveTo(activeIndex)
      }}
      onKeyDown={onKeyDown}
      style={{ '--grid-columns': template } as CSSProperties}
    >
      <div role="rowgroup" className="grid-head" style={{ width }}>
        <GridHeader
          columns={columns}
          sort={sort}
          onSort={props.onSort}
          onResize={props.onResize}
          amountSortOff={props.amountSortOff ?? false}
          pins={pins}
          onFocusRows={focusActiveRow}
        />
      </div>
      <div role="rowgroup" className="grid-body" style={{ height, width }}>
        {items.map((item) => {
          const invoice = windows.rowAt(item.index)
          return (
            <InvoiceRow
              key={item.index}
              invoice={invoice}
              index={item.index}
              top={rowTop(item)}
              height={ROW_HEIGHT}
              columns={specs}
              providerLabel={providerLabel}
              pins={pins}
              active={item.index === activeIndex}
              open={invoice !== undefined && invoiceKey(invoice) === openKey}
              checked={invoice !== undefined && isChecked(invoice)}
              onClick={onRowClick}
              onFocus={onRowFocus}
              onToggle={onRowToggle}
            />
          )
        })}
      </div>
    </div>
  )
}
