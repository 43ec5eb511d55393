/**
 * The text a provider PDF prints, read with pdf.js (its legacy build is the one meant for Node).
 * A PDF is data from a server: reading it is bounded in pages, characters and time, and pdf.js
 * is asked not to evaluate code, fetch anything or load fonts — text positions need none.
 */
import type { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

export interface TextLimits {
  maxPages: number
  maxChars: number
  timeoutMs: number
}

/** An invoice is a page or a few; a statement with hundreds is cut, not refused. */
export const DEFAULT_TEXT_LIMITS: TextLimits = { maxPages: 30, maxChars: 200_000, timeoutMs: 15_000 }

export type PdfText = { readable: true; text: string; truncated: boolean } | { readable: false; reason: string }

/** Fewer letters or digits than this and the page is an image (a scan), not text to check. */
const MIN_READABLE_CHARS = 8

let parserLoaded: Promise<typeof getDocument> | null = null

/**
 * pdf.js is imported on the first document, not with this module: its legacy build installs
 * core-js polyfills over the runtime's own JSON.stringify and Array.prototype.push where the
 * runtime lacks JSON.rawJSON (Node 20), several times slower, and every sync page stringifies
 * each invoice's raw record — a process that reads no PDF keeps the runtime's own.
 * In Node pdf.js parses on this thread through its "fake worker", whose module it would import
 * on the first document — seconds on a busy machine, which must not count against a document's
 * time limit. It is imported once, here, and handed over the way pdf.js looks for it.
 */
function loadParser(): Promise<typeof getDocument> {
  parserLoaded ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]).then(
    ([pdfjs, worker]) => {
      Object.assign(globalThis, { pdfjsWorker: worker })
      return pdfjs.getDocument
    }
  )
  return parserLoaded
}

export async function extractPdfText(bytes: Uint8Array, limits: TextLimits = DEFAULT_TEXT_LIMITS): Promise<PdfText> {
  const getDocument = await loadParser()
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0
  })
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading its text took longer than ${limits.timeoutMs / 1000} s`)), limits.timeoutMs)
  })
  try {
    return await Promise.race([readText(task.promise, limits), timeout])
  } catch (error) {
    return { readable: false, reason: `Its text could not be read: ${error instanceof Error ? error.message : String(error)}` }
  } finally {
    clearTimeout(timer)
    await task.destroy()
  }
}

type LoadedDocument = Awaited<ReturnType<typeof getDocument>['promise']>

async function readText(loading: Promise<LoadedDocument>, limits: TextLimits): Promise<PdfText> {
  const document = await loading
  const pages = Math.min(document.numPages, limits.maxPages)
  let text = ''
  let truncated = document.numPages > pages
  for (let n = 1; n <= pages; n++) {
    const page = await document.getPage(n)
    const content = await page.getTextContent()
    for (const item of content.items) {
      if (!('str' in item)) continue
      text += item.str + (item.hasEOL ? '\n' : ' ')
    }
    text += '\n'
    page.cleanup()
    if (text.length >= limits.maxChars) {
      text = text.slice(0, limits.maxChars)
      truncated = true
      break
    }
  }
  const meaningful = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0
  if (meaningful < MIN_READABLE_CHARS) return { readable: false, reason: 'It has no readable text (it may be a scanned image).' }
  return { readable: true, text, truncated }
}
