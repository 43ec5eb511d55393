import { readAmount } from '../../preload/contract/amount-text'
import { SCALE_DIGITS, toScaled } from '../money/decimal'

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

/**
 * A word that reads as an amount matches an invoice total near any reading, the word as text,
 * or (all digits) the end of an invoice number.
 */
export interface AmountTerm {
  /**
   * Totals in 1/10,000ths, both ends inclusive, one range per reading ("1,234" could be 1234 or
   * 1.234): what rounds to the places typed ("1513.95" finds 1513.9526), and for a whole number
   * also its whole part ("5385" finds 5385.27). Four places are matched exactly.
   */
  ranges: [bigint, bigint][]
  /** The same word as an FTS5 query, so "2024" still finds INV-2024. */
  match: string
  /** All digits, three or more: an invoice number ending in them ("2305" finds INV-02305). */
  numberSuffix: string | null
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
    const ranges = readAmount(word)
      .filter((reading) => !/\.\d{5,}$/.test(reading.decimal))
      .map((reading) => totalRange(reading.decimal))
    // An amount always holds a digit, so it is a search word too.
    if (ranges.length > 0)
      amounts.push({ ranges, match: quoted(word.replace(/"/g, '')), numberSuffix: /^\d{3,}$/.test(word) ? word : null })
    else plain.push(...searchWords(word))
  }
  return { match: plain.length > 0 ? plain.map(quoted).join(' AND ') : null, amounts }
}

/**
 * The totals a typed amount stands for, in 1/10,000ths: those that round to it at the places
 * typed (half away from zero, as the cache rounds), and for a whole number also those whose whole
 * part it is, since people drop the cents as often as they round them.
 */
function totalRange(decimal: string): [bigint, bigint] {
  const places = decimal.split('.')[1]?.length ?? 0
  const scaled = toScaled(decimal)
  if (places >= SCALE_DIGITS) return [scaled, scaled]
  const half = 5n * 10n ** BigInt(SCALE_DIGITS - 1 - places)
  const above = places === 0 ? 2n * half - 1n : half - 1n
  // Mirrored for a negative amount: -12 stands for -12.00 down to -12.99, and for -11.50.
  return scaled < 0n ? [scaled - above, scaled + half] : [scaled - half, scaled + above]
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
