import { describe, expect, it } from 'vitest'
import { nextRegion, regionOf } from '../../../renderer/src/lib/regions'

describe('F6 region cycling', () => {
  it('goes forward and wraps from the last region to the first', () => {
    expect(nextRegion(4, 0, false)).toBe(1)
    expect(nextRegion(4, 3, false)).toBe(0)
  })
  it('goes backward with Shift and wraps from the first region to the last', () => {
    expect(nextRegion(4, 2, true)).toBe(1)
    expect(nextRegion(4, 0, true)).toBe(3)
  })
  it('starts at the first region (or the last, backwards) when focus is in none', () => {
    expect(nextRegion(3, -1, false)).toBe(0)
    expect(nextRegion(3, -1, true)).toBe(2)
    // A region that closed (the detail pane) since focus was counted in it.
    expect(nextRegion(3, 5, false)).toBe(0)
  })
  it('has nowhere to go without regions, and stays put with one', () => {
    expect(nextRegion(0, -1, false)).toBe(-1)
    expect(nextRegion(1, 0, false)).toBe(0)
    expect(nextRegion(1, 0, true)).toBe(0)
  })
  it('finds the region holding focus by containment, first match wins', () => {
    const el = (inside: Element[]) => ({ contains: (e: Element | null) => e !== null && inside.includes(e) }) as unknown as Element
    const a = {} as Element
    const b = {} as Element
    const regions = [{ elements: [null, el([a])] }, { elements: [el([a, b])] }]
    expect(regionOf(regions, a)).toBe(0)
    expect(regionOf(regions, b)).toBe(1)
    expect(regionOf(regions, {} as Element)).toBe(-1)
    expect(regionOf(regions, null)).toBe(-1)
  })
})
