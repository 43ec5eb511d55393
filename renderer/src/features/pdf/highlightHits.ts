import type { Hit } from './findText'

/**
 * Marks find hits inside a page's text layer: each touched span's text is split into plain text
 * and <mark> pieces (the same characters, so the span keeps its size and place on the page).
 * Untouched spans are restored to their own text first, so highlights never pile up.
 */
export function highlightHits(spans: HTMLElement[], runs: string[], hits: Hit[], current: Hit | null): HTMLElement | null {
  spans.forEach((span, index) => {
    if (span.childElementCount > 0) span.textContent = runs[index] ?? ''
  })
  const byItem = new Map<number, { start: number; end: number; current: boolean }[]>()
  for (const hit of hits) {
    for (const part of hit.parts) {
      const list = byItem.get(part.item) ?? []
      list.push({ start: part.start, end: part.end, current: hit === current })
      byItem.set(part.item, list)
    }
  }
  let currentMark: HTMLElement | null = null
  for (const [item, parts] of byItem) {
    const span = spans[item]
    const text = runs[item]
    if (!span || text === undefined) continue
    span.textContent = ''
    let at = 0
    for (const part of parts.sort((a, b) => a.start - b.start)) {
      if (part.start > at) span.append(text.slice(at, part.start))
      const mark = document.createElement('mark')
      mark.className = part.current ? 'pdf-hit pdf-hit-current' : 'pdf-hit'
      mark.textContent = text.slice(part.start, part.end)
      span.append(mark)
      if (part.current) currentMark ??= mark
      at = part.end
    }
    if (at < text.length) span.append(text.slice(at))
  }
  return currentMark
}
