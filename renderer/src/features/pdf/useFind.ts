import type { PDFPageProxy } from 'pdfjs-dist'
import { useEffect, useRef, useState } from 'react'
import { findInRuns, pageRuns, type Hit } from './findText'

export interface Find {
  query: string
  setQuery(query: string): void
  hits: Hit[]
  /** 0-based position of the shown hit in `hits`. */
  index: number
  current: Hit | null
  next(): void
  previous(): void
}

/** Find in the whole document: each page's text is read once, then every query is searched in memory. */
export function useFind(pages: PDFPageProxy[]): Find {
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<Hit[]>([])
  const [index, setIndex] = useState(0)
  const runs = useRef(new Map<PDFPageProxy, Promise<string[]>>())

  useEffect(() => {
    let live = true
    if (query.trim() === '') {
      setHits([])
      return
    }
    const textOf = (page: PDFPageProxy): Promise<string[]> => {
      let text = runs.current.get(page)
      if (!text) {
        text = pageRuns(page)
        runs.current.set(page, text)
      }
      return text
    }
    Promise.all(pages.map(textOf)).then(
      (all) => {
        if (!live) return
        setHits(all.flatMap((text, page) => findInRuns(text, query, page)))
        setIndex(0)
      },
      () => live && setHits([])
    )
    return () => {
      live = false
    }
  }, [pages, query])

  const move = (by: number): void => setIndex((at) => (hits.length === 0 ? 0 : (at + by + hits.length) % hits.length))
  return { query, setQuery, hits, index, current: hits[index] ?? null, next: () => move(1), previous: () => move(-1) }
}
