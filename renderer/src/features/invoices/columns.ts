import type { ColumnLayout, GridColumn } from '../../lib/contract'

export type ColumnSpec = {
  id: GridColumn
  label: string
  /** Pixels before the person resizes it. */
  width: number
  align?: 'end' | 'center'
}

/** The grid's columns in their default order. Every one sorts by its own index in main. */
export const COLUMNS: readonly ColumnSpec[] = [
  { id: 'provider', label: 'Provider', width: 108 },
  { id: 'account', label: 'Account', width: 128 },
  { id: 'number', label: 'Number', width: 128 },
  { id: 'counterparty', label: 'Counterparty', width: 200 },
  { id: 'issueDate', label: 'Issue date', width: 108 },
  { id: 'dueDate', label: 'Due date', width: 108 },
  { id: 'daysOverdue', label: 'Days overdue', width: 104, align: 'end' },
  // Wide enough for a status with a provider flag or two beside it (CareSquare).
  { id: 'status', label: 'Status', width: 184 },
  { id: 'currency', label: 'Currency', width: 84 },
  { id: 'total', label: 'Total', width: 128, align: 'end' },
  { id: 'paid', label: 'Paid', width: 120, align: 'end' },
  { id: 'balance', label: 'Balance', width: 128, align: 'end' },
  { id: 'hasPdf', label: 'PDF', width: 64, align: 'center' },
  // Only Hoursmith sends these; hidden until asked for.
  { id: 'paidAt', label: 'Paid on', width: 108 },
  { id: 'sentAt', label: 'Sent on', width: 108 }
]

export const COLUMN_BY_ID = new Map(COLUMNS.map((column) => [column.id, column]))
export const MIN_COLUMN_WIDTH = 48
export const MAX_COLUMN_WIDTH = 800
/** The selection checkbox column, always first. */
export const SELECT_COLUMN_WIDTH = 40

export const DEFAULT_LAYOUT: ColumnLayout = {
  order: COLUMNS.map((column) => column.id),
  /**
   * The money column already shows the currency; paid shows in the status badge and balance; the
   * account's name already says its provider. What is left fits a 1440-pixel window to Balance.
   */
  hidden: ['currency', 'paid', 'provider', 'paidAt', 'sentAt'],
  widths: {}
}

/**
 * A layout read from storage or a saved view, made whole: unknown ids dropped, every known
 * column present exactly once (new ones at the end, hidden where the default hides them),
 * widths clamped, at least one column shown.
 */
export function normalizeLayout(value: unknown): ColumnLayout {
  const known = new Set<string>(COLUMNS.map((column) => column.id))
  const input = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof ColumnLayout, unknown>>
  const ids = (list: unknown): GridColumn[] =>
    Array.isArray(list) ? list.filter((id): id is GridColumn => typeof id === 'string' && known.has(id)) : []
  const stored = ids(input.order)
  const order = [...new Set([...stored, ...DEFAULT_LAYOUT.order])]
  // A column new since the layout was stored arrives as the default has it: Paid on stays hidden.
  const arrivedHidden = stored.length === 0 ? [] : DEFAULT_LAYOUT.hidden.filter((id) => !stored.includes(id))
  let hidden = [...new Set([...ids(input.hidden), ...arrivedHidden])]
  if (hidden.length >= order.length) hidden = []
  const widths: ColumnLayout['widths'] = {}
  if (typeof input.widths === 'object' && input.widths !== null) {
    for (const [id, width] of Object.entries(input.widths)) {
      if (known.has(id) && typeof width === 'number' && Number.isFinite(width)) widths[id as GridColumn] = clampWidth(width)
    }
  }
  return { order, hidden: input.hidden === undefined && input.order === undefined ? DEFAULT_LAYOUT.hidden : hidden, widths }
}

export function clampWidth(width: number): number {
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)))
}

export function visibleColumns(layout: ColumnLayout): { spec: ColumnSpec; width: number }[] {
  return layout.order
    .filter((id) => !layout.hidden.includes(id))
    .map((id) => {
      const spec = COLUMN_BY_ID.get(id)!
      return { spec, width: layout.widths[id] ?? spec.width }
    })
}
