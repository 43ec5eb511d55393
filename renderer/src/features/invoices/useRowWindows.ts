import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { InvoiceListing, InvoiceSummary } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'

/** Rows per request: a few screens, far below the contract's page limit. */
export const BLOCK_ROWS = 200
/** Blocks kept in memory (the ones nearest the view stay): never the whole table. */
const KEPT_BLOCKS = 30
/**
 * While the view moves, rows are asked for at most this often, for wherever the view is then: a
 * dragged scrollbar does not ask for every row it passes, and a steady scroll still fills in.
 * A view that moved past more than its own length in that time is racing through the list (a
 * fling, a fast drag of the scrollbar): rows asked for it would land after it had moved on, so
 * they are asked for once it slows down.
 */
const FETCH_EVERY_MS = 40

type Range = { start: number; end: number }

type WindowState = {
  /** Rows in the list; until `counted`, only the rows known so far (a new query's count comes after its first rows). */
  total: number | null
  counted: boolean
  error: string | null
  /** A request of the current generation is in flight. */
  loading: boolean
  /** Bumped whenever rows arrive, so readers re-render. */
  version: number
}

/**
 * The list as windows of rows fetched from main by offset, for a virtualized grid: it asks only
 * for the blocks in (or next to) view and keeps a few dozen. A new query or new data starts a
 * generation: the old rows stay on screen until the new ones arrive, and late answers from an
 * older generation are dropped.
 */
export function useRowWindows(listing: InvoiceListing, refreshKey: string) {
  const listingKey = useMemo(() => JSON.stringify(listing), [listing])
  const [state, setState] = useState<WindowState>({ total: null, counted: false, error: null, loading: true, version: 0 })
  const blocks = useRef(new Map<number, InvoiceSummary[]>())
  const generation = useRef(0)
  const swapped = useRef(true)
  const inFlight = useRef(new Set<number>())
  const wanted = useRef<Range>({ start: 0, end: BLOCK_ROWS - 1 })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const query = useRef(listing)
  query.current = listing
  const countAsked = useRef(-1)
  /** The generation whose count is in state; for others, state holds the rows known so far. */
  const countedGen = useRef(-1)
  const rowsKnown = useRef({ gen: -1, rows: 0 })

  /** Main answers the first rows uncounted; the count follows, and is dropped if the query changed meanwhile. */
  const fetchCount = useCallback(() => {
    const gen = generation.current
    if (countAsked.current === gen) return
    countAsked.current = gen
    const { sort: _sort, ...filter } = query.current
    call('invoices.count', filter).then(
      ({ count }) => {
        if (gen !== generation.current) return
        countedGen.current = gen
        setState((s) => ({ ...s, total: count, counted: true, version: s.version + 1 }))
      },
      (error: unknown) => gen === generation.current && setState((s) => ({ ...s, error: errorMessage(error) }))
    )
  }, [])

  const fetchBlock = useCallback(
    (block: number) => {
      const gen = generation.current
      if (inFlight.current.has(block)) return
      inFlight.current.add(block)
      setState((s) => (s.loading ? s : { ...s, loading: true }))
      call('invoices.list', { ...query.current, offset: block * BLOCK_ROWS, limit: BLOCK_ROWS }).then(
        (page) => {
          if (gen !== generation.current) return
          inFlight.current.delete(block)
          if (!swapped.current) {
            blocks.current = new Map()
            swapped.current = true
          }
          blocks.current.set(block, page.items)
          evict(blocks.current, wanted.current)
          if (page.total !== null) countedGen.current = gen
          const counted = countedGen.current === gen
          const known = block * BLOCK_ROWS + page.items.length
          rowsKnown.current = { gen, rows: Math.max(known, rowsKnown.current.gen === gen ? rowsKnown.current.rows : 0) }
          const loading = inFlight.current.size > 0
          setState((s) => ({
            total: page.total ?? (counted ? s.total : rowsKnown.current.rows),
            counted,
            error: null,
            loading,
            version: s.version + 1
          }))
          if (!counted) fetchCount()
        },
        (error: unknown) => {
          if (gen !== generation.current) return
          inFlight.current.delete(block)
          setState((s) => ({ ...s, error: errorMessage(error), loading: inFlight.current.size > 0 }))
        }
      )
    },
    [fetchCount]
  )

  const fetchWanted = useCallback(() => {
    const { start, end } = wanted.current
    for (let block = Math.floor(start / BLOCK_ROWS); block <= Math.floor(Math.max(start, end) / BLOCK_ROWS); block++) {
      if (swapped.current && blocks.current.has(block)) continue
      fetchBlock(block)
    }
  }, [fetchBlock])

  // A new query or new data: a new generation, fetched where the view is (the top, for a new query).
  const lastListing = useRef(listingKey)
  useEffect(() => {
    generation.current += 1
    inFlight.current.clear()
    swapped.current = false
    if (lastListing.current !== listingKey) {
      lastListing.current = listingKey
      const size = wanted.current.end - wanted.current.start
      wanted.current = { start: 0, end: size }
    }
    fetchWanted()
  }, [listingKey, refreshKey, fetchWanted])

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    []
  )

  /** The grid says which rows are in view (overscan included). */
  const show = useCallback(
    (start: number, end: number) => {
      wanted.current = { start, end }
      if (timer.current) return
      let from = start
      const tick = () => {
        const view = wanted.current
        const racing = Math.abs(view.start - from) > view.end - view.start + 1
        from = view.start
        timer.current = racing ? setTimeout(tick, FETCH_EVERY_MS) : null
        if (!racing) fetchWanted()
      }
      timer.current = setTimeout(tick, FETCH_EVERY_MS)
    },
    [fetchWanted]
  )

  const rowAt = useCallback(
    (index: number): InvoiceSummary | undefined => blocks.current.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS],
    []
  )

  const retry = useCallback(() => {
    setState((s) => ({ ...s, error: null }))
    fetchWanted()
  }, [fetchWanted])

  return {
    total: state.total,
    counted: state.counted,
    error: state.error,
    loading: state.loading,
    version: state.version,
    listingKey,
    rowAt,
    show,
    retry
  }
}

export type RowWindows = ReturnType<typeof useRowWindows>

/** Drops the blocks farthest from the view once more than KEPT_BLOCKS are held. */
function evict(blocks: Map<number, InvoiceSummary[]>, view: Range): void {
  if (blocks.size <= KEPT_BLOCKS) return
  const centre = (view.start + view.end) / 2 / BLOCK_ROWS
  const farthest = [...blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
  for (const block of farthest.slice(0, blocks.size - KEPT_BLOCKS)) blocks.delete(block)
}
