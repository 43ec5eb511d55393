import type { PDFPageProxy } from 'pdfjs-dist'

/** A match's piece inside one text run of a page (a match may cross runs). */
export interface HitPart {
  item: number
  start: number
  end: number
}

export interface Hit {
  /** 0-based page index. */
  page: number
  parts: HitPart[]
}

/**
 * The page's text runs in the order pdf.js's text layer makes a span for each, so a run's
 * index here is its span's index there.
 */
export async function pageRuns(page: PDFPageProxy): Promise<string[]> {
  const content = await page.getTextContent()
  return content.items.flatMap((item) => ('str' in item ? [item.str] : []))
}

/**
 * Every case-insensitive occurrence of `query` in the page's runs, read as one text (runs
 * joined as they are drawn), so a word split across runs is still found.
 */
export function findInRuns(runs: string[], query: string, page: number): Hit[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return []
  const starts: number[] = []
  let text = ''
  for (const run of runs) {
    starts.push(text.length)
    text += run.toLowerCase().length === run.length ? run.toLowerCase() : run
  }
  const hits: Hit[] = []
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    const end = at + needle.length
    const parts: HitPart[] = []
    runs.forEach((run, item) => {
      const from = Math.max(at, starts[item]!)
      const to = Math.min(end, starts[item]! + run.length)
      if (from < to) parts.push({ item, start: from - starts[item]!, end: to - starts[item]! })
    })
    hits.push({ page, parts })
  }
  return hits
}
