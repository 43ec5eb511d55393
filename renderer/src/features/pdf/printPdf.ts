import type { PDFPageProxy } from 'pdfjs-dist'

/** Print resolution: sharp on paper, small enough to render a long invoice quickly. */
const PRINT_DPI = 150

/**
 * Prints the document itself, not the app around it: every page is rendered to an image in a
 * print-only container (the stylesheet hides everything else for print), the system print
 * dialog opens, and the images are dropped afterwards. Images are data: URLs, which the CSP
 * already allows, so printing needs no new source.
 */
export async function printPdf(pages: PDFPageProxy[]): Promise<void> {
  // A host that never fired afterprint left its pages behind: they go before new ones come.
  for (const stale of document.querySelectorAll('.pdf-print')) stale.remove()
  const container = document.createElement('div')
  container.className = 'pdf-print'
  for (const page of pages) {
    const viewport = page.getViewport({ scale: PRINT_DPI / 72 })
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(viewport.width)
    canvas.height = Math.ceil(viewport.height)
    await page.render({ canvas, viewport, intent: 'print' }).promise
    const image = document.createElement('img')
    image.alt = `Page ${page.pageNumber}`
    image.src = canvas.toDataURL('image/png')
    container.append(image)
    canvas.width = 0
    canvas.height = 0
  }
  document.body.append(container)
  document.body.classList.add('pdf-printing')
  const cleanUp = (): void => {
    container.remove()
    document.body.classList.remove('pdf-printing')
  }
  // The container is invisible on screen, so if a host never fires afterprint nothing shows.
  window.addEventListener('afterprint', cleanUp, { once: true })
  window.print()
}
