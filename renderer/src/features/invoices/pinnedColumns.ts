import type { CSSProperties } from 'react'
import type { GridColumn } from '../../lib/contract'
import { SELECT_COLUMN_WIDTH, type ColumnSpec } from './columns'

/** Stay in view on the left while the grid scrolls sideways: what names the invoice. */
const PINNED_LEFT: ReadonlySet<GridColumn> = new Set(['number'])
/** Stay in view on the right: the money. */
const PINNED_RIGHT: ReadonlySet<GridColumn> = new Set(['total', 'paid', 'balance'])

/**
 * Sticky offsets for the pinned columns, so a narrow window scrolls the middle columns under
 * them instead of pushing the amounts off-screen. Left ones stack after the selection column in
 * display order; right ones stack from the right edge in reverse order.
 */
export function pinnedColumns(columns: { spec: ColumnSpec; width: number }[]): Map<GridColumn, CSSProperties> {
  const pins = new Map<GridColumn, CSSProperties>()
  let left = SELECT_COLUMN_WIDTH
  for (const { spec, width } of columns) {
    if (!PINNED_LEFT.has(spec.id)) continue
    pins.set(spec.id, { position: 'sticky', left, zIndex: 1 })
    left += width
  }
  let right = 0
  for (const { spec, width } of [...columns].reverse()) {
    if (!PINNED_RIGHT.has(spec.id)) continue
    pins.set(spec.id, { position: 'sticky', right, zIndex: 1 })
    right += width
  }
  return pins
}

export const SELECT_PIN: CSSProperties = { position: 'sticky', left: 0, zIndex: 1 }
