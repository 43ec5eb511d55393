import { readAmount } from '../../preload/contract/amount-text'
import { toScaled } from '../money/decimal'

/**
 * Turns what a person typed into a safe FTS5 query: every word must match, each as a prefix
 * ("inv 00" finds INV-0042). Each word is a quoted string, so FTS5 operators and column
 * filters typed by the user are searched for as text, never interpreted.
 */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text)
  if (words.length === 0) return null
  return words.map(quoted).join(' AND ')
}

/** A word that reads as an amount matches an invoice total equal to any reading, or the word as text. */
export interface AmountTerm {
  /** Candidate totals in 1/10,000ths ("1,234" could be 1234 or 1.234). */
  scaled: bigint[]
  /** The same word as an FTS5 query, so "2024" still finds INV-2024. */
  match: string
}

export interface SearchTerms {
  /** All the other words, as one FTS5 query; null when there are none. */
  match: string | null
  amounts: AmountTerm[]
}

/**
 * Search text split into plain words (full-text, all required) and amount-like words such as
 * "1.234,56" or "$1,234.56", which also match invoice totals exactly, whatever the locale that
 * wrote them.
 */
export function searchTerms(text: string): SearchTerms {
  const plain: string[] = []
  const amounts: AmountTerm[] = []
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const scaled = readAmount(word)
      .filter((reading) => !/\.\d{5,}$/.test(reading.decimal))
      .map((reading) => toScaled(reading.decimal))
    // An amount always holds a digit, so it is a search word too.
    if (scaled.length > 0) amounts.push({ scaled, match: quoted(word.replace(/"/g, '')) })
    else plain.push(...searchWords(word))
  }
  return { match: plain.length > 0 ? plain.map(quoted).join(' AND ') : null, amounts }
}

function searchWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
}

function quoted(word: string): string {
  return `"${word}"*`
}
