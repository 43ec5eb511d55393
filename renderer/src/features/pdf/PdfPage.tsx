import { TextLayer, type PDFPageProxy } from 'pdfjs-dist'
import { useEffect, useRef, useState } from 'react'
import type { Hit } from './findText'
import { highlightHits } from './highlightHits'

type Props = {
  page: PDFPageProxy
  scale: number
  /** Find hits on this page, and the one to show. */
  hits: Hit[]
  current: Hit | null
}

/** Pages are drawn when they come near the visible area, so a long document opens at once. */
const NEAR = '600px'

/**
 * One page: a canvas at the screen's pixel density, and pdf.js's text layer over it (invisible
 * text in place, for selecting, copying and find highlights). Until it is drawn, a blank of the
 * page's size keeps the scroll position honest.
 */
export function PdfPage({ page, scale, hits, current }: Props) {
  const frameRef = useRef<HTMLDivElement>(null)
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const textRef = useRef<HTMLDivElement>(null)
  const [near, setNear] = useState(false)
  const [layer, setLayer] = useState<{ spans: HTMLElement[]; runs: string[] } | null>(null)
  const viewport = page.getViewport({ scale })

  useEffect(() => {
    const frame = frameRef.current
    if (!frame) return
    const observer = new IntersectionObserver(([entry]) => setNear(entry?.isIntersecting ?? false), { rootMargin: NEAR })
    observer.observe(frame)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const canvas = canvasRef.current
    const text = textRef.current
    if (!near || !canvas || !text) return
    const view = page.getViewport({ scale })
    const ratio = window.devicePixelRatio || 1
    canvas.width = Math.floor(view.width * ratio)
    canvas.height = Math.floor(view.height * ratio)
    const render = page.render({ canvas, viewport: view, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
    text.replaceChildren()
    const textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport: view })
    let live = true
    Promise.all([render.promise, textLayer.render()]).then(
      () => live && setLayer({ spans: textLayer.textDivs, runs: textLayer.textContentItemsStr }),
      () => undefined // cancelled by a newer scale, or unmounted
    )
    return () => {
      live = false
      render.cancel()
      textLayer.cancel()
      setLayer(null)
    }
  }, [page, scale, near])

  useEffect(() => {
    if (!layer) return
    const mark = highlightHits(layer.spans, layer.runs, hits, current)
    mark?.scrollIntoView({ block: 'center', inline: 'nearest' })
  }, [layer, hits, current])

  return (
    <div
      ref={frameRef}
      className="pdf-page"
      role="group"
      aria-label={`Page ${page.pageNumber}`}
      data-page={page.pageNumber}
      // Drawn at the current scale, text layer included: what the bench times a PDF's opening to.
      data-rendered={layer !== null || undefined}
      style={{ width: viewport.width, height: viewport.height, ['--scale-factor' as string]: scale }}
    >
      <canvas ref={canvasRef} className="pdf-canvas" aria-hidden="true" />
      <div ref={textRef} className="textLayer" />
    </div>
  )
}
