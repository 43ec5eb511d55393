import { useCallback, useEffect, useState } from 'react'
import type { ColumnLayout, GridColumn } from '../../lib/contract'
import { clampWidth, normalizeLayout } from './columns'

const STORAGE_KEY = 'quire.invoiceColumns.v1'

function stored(): ColumnLayout {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY)
    return normalizeLayout(text === null ? {} : JSON.parse(text))
  } catch {
    return normalizeLayout({})
  }
}

/** Which columns show, in what order and how wide: the person's choice, kept across restarts. */
export function useColumnLayout() {
  const [layout, setLayout] = useState<ColumnLayout>(stored)

  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(layout))
    } catch {
      // Storage full or unavailable: the layout still applies for this session.
    }
  }, [layout])

  const toggle = useCallback(
    (id: GridColumn) =>
      setLayout((current) => {
        const hidden = current.hidden.includes(id) ? current.hidden.filter((h) => h !== id) : [...current.hidden, id]
        return hidden.length >= current.order.length ? current : { ...current, hidden }
      }),
    []
  )
  const move = useCallback(
    (id: GridColumn, by: -1 | 1) =>
      setLayout((current) => {
        const from = current.order.indexOf(id)
        const to = from + by
        if (from < 0 || to < 0 || to >= current.order.length) return current
        const order = [...current.order]
        order.splice(from, 1)
        order.splice(to, 0, id)
        return { ...current, order }
      }),
    []
  )
  const resize = useCallback(
    (id: GridColumn, width: number) => setLayout((current) => ({ ...current, widths: { ...current.widths, [id]: clampWidth(width) } })),
    []
  )
  const replace = useCallback((next: ColumnLayout) => setLayout(normalizeLayout(next)), [])
  const reset = useCallback(() => setLayout(normalizeLayout({})), [])

  return { layout, toggle, move, resize, replace, reset }
}

export type ColumnLayoutState = ReturnType<typeof useColumnLayout>
