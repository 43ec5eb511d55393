import { useEffect, useState, type RefObject } from 'react'

/** auto: fit the width, but no larger than 125 % (pdf.js's own default); the fits follow the window. */
export type ZoomMode = 'auto' | 'width' | 'page' | 'custom'

const STEPS = [0.25, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4]
const AUTO_MAX = 1.25
/** The page's margin inside the scroll area, on each side. */
const GUTTER = 24

export interface Zoom {
  scale: number
  mode: ZoomMode
  setMode(mode: ZoomMode): void
  setScale(scale: number): void
  zoomIn(): void
  zoomOut(): void
}

/** The scale pages are drawn at, given the scroll area's size and the first page's size at 100 %. */
export function useZoom(area: RefObject<HTMLElement | null>, page: { width: number; height: number } | null): Zoom {
  const [mode, setMode] = useState<ZoomMode>('auto')
  const [custom, setCustom] = useState(1)
  const [box, setBox] = useState<{ width: number; height: number } | null>(null)

  useEffect(() => {
    const element = area.current
    if (!element) return
    const observer = new ResizeObserver(() => setBox({ width: element.clientWidth, height: element.clientHeight }))
    observer.observe(element)
    return () => observer.disconnect()
  }, [area])

  const width = box && page ? Math.max(0.1, (box.width - 2 * GUTTER) / page.width) : 1
  const whole = box && page ? Math.max(0.1, Math.min(width, (box.height - 2 * GUTTER) / page.height)) : 1
  const scale = { auto: Math.min(width, AUTO_MAX), width, page: whole, custom }[mode]

  const setScale = (value: number): void => {
    setCustom(value)
    setMode('custom')
  }
  const step = (direction: 1 | -1): void => {
    const next = direction === 1 ? STEPS.find((s) => s > scale + 0.001) : [...STEPS].reverse().find((s) => s < scale - 0.001)
    setScale(next ?? scale)
  }
  return { scale, mode, setMode, setScale, zoomIn: () => step(1), zoomOut: () => step(-1) }
}
