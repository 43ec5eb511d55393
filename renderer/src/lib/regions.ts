/**
 * F6 / Shift+F6 cycle focus through a screen's main regions, as desktop apps do. `current` is the
 * index of the region holding focus, or -1 when focus is in none of them (then F6 starts at the
 * first region and Shift+F6 at the last). Returns -1 only when there are no regions.
 */
export function nextRegion(count: number, current: number, backwards: boolean): number {
  if (count <= 0) return -1
  if (current < 0 || current >= count) return backwards ? count - 1 : 0
  return (current + (backwards ? count - 1 : 1)) % count
}

/** The index of the first region whose elements contain `focused`, or -1. */
export function regionOf(regions: { elements: (Element | null)[] }[], focused: Element | null): number {
  if (!focused) return -1
  return regions.findIndex((region) => region.elements.some((element) => element?.contains(focused)))
}

/** The element in `container` to put focus on when F6 lands there: the first of `selectors` that is on screen. */
function focusFirstVisible(container: Element | null, ...selectors: string[]): boolean {
  for (const selector of selectors) {
    const target = [...(container?.querySelectorAll<HTMLElement>(selector) ?? [])].find((element) => element.checkVisibility())
    if (target) {
      target.focus()
      return true
    }
  }
  return false
}

/** The side navigation as a region: its current page, else its first button. */
export function navRegion(): { elements: Element[]; focus: () => void } | null {
  const nav = document.querySelector('nav[aria-label="Main"]')
  if (!nav?.checkVisibility()) return null
  return { elements: [nav], focus: () => focusFirstVisible(nav, '[aria-current="page"]', 'button') }
}
