import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { Notice } from '../../components/Notice'
import { useHideAmounts } from '../../components/HideAmounts'
import type { Hit } from './findText'
import { PdfPage } from './PdfPage'
import { PdfToolbar } from './PdfToolbar'
import { printPdf } from './printPdf'
import { useFind } from './useFind'
import { useZoom } from './useZoom'
import { Button } from '../../components/Button'

type Props = {
  doc: PDFDocumentProxy
  /** The find box, so the dialog can focus it on Ctrl+F. */
  findRef: RefObject<HTMLInputElement | null>
}

/** The pages, scrolled in one column, with the toolbar that pages, zooms, finds and prints them. */
export function PdfDocumentView({ doc, findRef }: Props) {
  const area = useRef<HTMLDivElement>(null)
  const [pages, setPages] = useState<PDFPageProxy[]>([])
  const [pageNumber, setPageNumber] = useState(1)
  const [printing, setPrinting] = useState(false)
  const [printError, setPrintError] = useState<string | null>(null)
  // A PDF is all amounts: while they are hidden, so is the page, until the person asks for this one.
  const { hidden } = useHideAmounts()
  const [revealed, setRevealed] = useState(false)
  const veiled = hidden && !revealed
  // Hiding amounts again (a screen share starting) covers a document revealed before.
  useEffect(() => {
    if (hidden) setRevealed(false)
  }, [hidden])

  useEffect(() => {
    let live = true
    Promise.all(Array.from({ length: doc.numPages }, (_, index) => doc.getPage(index + 1))).then((loaded) => live && setPages(loaded))
    return () => {
      live = false
    }
  }, [doc])

  const size = pages[0]?.getViewport({ scale: 1 })
  const zoom = useZoom(area, size ? { width: size.width, height: size.height } : null)
  const find = useFind(pages)
  const hitsByPage = useMemo(() => {
    const byPage: Hit[][] = pages.map(() => [])
    for (const hit of find.hits) byPage[hit.page]?.push(hit)
    return byPage
  }, [pages, find.hits])

  const goTo = (page: number): void => {
    const target = area.current?.querySelector(`[data-page="${Math.min(Math.max(1, page), pages.length)}"]`)
    target?.scrollIntoView({ block: 'start' })
  }

  /** The page at the top third of the view is the one being read. */
  const onScroll = (): void => {
    const element = area.current
    if (!element) return
    const line = element.getBoundingClientRect().top + element.clientHeight / 3
    let current = 1
    for (const frame of element.querySelectorAll<HTMLElement>('[data-page]')) {
      if (frame.getBoundingClientRect().top <= line) current = Number(frame.dataset.page)
    }
    setPageNumber(current)
  }

  const print = async (): Promise<void> => {
    setPrinting(true)
    setPrintError(null)
    try {
      await printPdf(pages)
    } catch {
      setPrintError('The PDF could not be prepared for printing. Try opening it in the system viewer.')
    } finally {
      setPrinting(false)
    }
  }

  return (
    <>
      <PdfToolbar
        pageNumber={pageNumber}
        pageCount={doc.numPages}
        onGoTo={goTo}
        zoom={zoom}
        find={find}
        findRef={findRef}
        onPrint={() => void print()}
        printing={printing}
        veiled={veiled}
      />
      {printError && <Notice tone="error">{printError}</Notice>}
      <div className="pdf-stage">
        <div
          ref={area}
          className={`pdf-scroll${veiled ? ' is-veiled' : ''}`}
          onScroll={onScroll}
          tabIndex={veiled ? -1 : 0}
          aria-label="PDF pages"
          aria-hidden={veiled || undefined}
        >
          {pages.map((page, index) => (
            <PdfPage
              key={page.pageNumber}
              page={page}
              scale={zoom.scale}
              hits={hitsByPage[index] ?? []}
              current={find.current?.page === index ? find.current : null}
            />
          ))}
        </div>
        {veiled && (
          <div className="pdf-veil">
            <p>Amounts are hidden, so this document is too.</p>
            <Button onClick={() => setRevealed(true)}>Show this document</Button>
          </div>
        )}
      </div>
    </>
  )
}
