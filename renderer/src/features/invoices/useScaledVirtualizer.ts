import { elementScroll, observeElementOffset, useVirtualizer, type VirtualItem, type Virtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'

/**
 * Browsers cap an element's height (about 33 million pixels in Chromium, less elsewhere), and a
 * million rows of 30 px is 30 million. Past this height the scrollable area stays this tall and
 * its scroll position is mapped onto the rows' full height, so the last row is always reachable.
 */
const MAX_SCROLL_PX = 8_000_000

/**
 * TanStack Virtual over `count` fixed-height rows, with scrollbar scaling for very long lists.
 * The virtualizer works in "virtual" pixels (rows × height); only the scroll element's own
 * position and height are real. `stickyHeight` is a sticky header inside the scroll element,
 * above the rows, which the rows never show through.
 */
export function useScaledVirtualizer(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  rowHeight: number,
  overscan: number,
  stickyHeight: number
) {
  const virtualHeight = count * rowHeight
  const realHeight = Math.min(virtualHeight, MAX_SCROLL_PX)
  /** Virtual pixels per real pixel of scrolling: 1 unless the list is taller than the cap. */
  const ratio = (element: Element | null): number => {
    if (virtualHeight <= MAX_SCROLL_PX) return 1
    const view = Math.max(0, (element?.clientHeight ?? 0) - stickyHeight)
    return (virtualHeight - view) / Math.max(1, realHeight - view)
  }

  const virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement> = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    observeElementOffset: (instance, notify) =>
      observeElementOffset(instance, (offset, scrolling) => notify(offset * ratio(instance.scrollElement), scrolling)),
    scrollToFn: (offset, options, instance) => {
      const r = ratio(instance.scrollElement)
      elementScroll(
        offset / r,
        { ...options, adjustments: options.adjustments === undefined ? undefined : options.adjustments / r },
        instance
      )
    }
  })

  /** Where a row sits inside the (real) scrollable area. */
  const rowTop = (item: VirtualItem): number => {
    const offset = virtualizer.scrollOffset ?? 0
    return item.start - offset + offset / ratio(scrollRef.current)
  }

  return { virtualizer, height: realHeight, rowTop }
}
