/**
 * Does the provider's PDF print what Quire has for the invoice? Its number, and its total in
 * any of the ways a PDF prints an amount ("12,345.00", "12.345,00", "12 345,00", "€12,345"),
 * compared exactly, as scaled integers. A total that appears only ×10ⁿ (a mapping in the wrong
 * unit, cents for dollars) is the mistake this exists to catch, so that figure is named.
 */
import { readAmount } from '../../preload/contract/amount-text'
import type { PdfCheckFinding } from '../db/pdf-text.repo'
import { toScaled } from '../money/decimal'

export interface CheckedInvoice {
  number: string | null
  /** null: the provider's total could not be read, so there is none to compare. */
  total: string | null
  currency: string
}

/** Amount-like runs without spaces ("$1,234.56", "1.234,56", "-12.5"). */
const PLAIN_AMOUNT = /[-\u2212]?\d[\d.,']*\d|\d/g
/** Amounts grouped by spaces, only in threes ("12 345,00"), so "Qty 2 12.00" is not read as 212. */
const SPACED_AMOUNT = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?/g
const UNIT_SHIFTS = [1, 2, 3, 4].flatMap((n) => [10n ** BigInt(n), -(10n ** BigInt(n))])

export function checkPdfText(text: string, invoice: CheckedInvoice): PdfCheckFinding {
  const numberFound = invoice.number === null || invoice.number.trim() === '' ? null : compact(text).includes(compact(invoice.number))
  if (invoice.total === null && numberFound === null) {
    return {
      outcome: 'notChecked',
      numberFound,
      totalFound: null,
      pdfShows: null,
      detail: 'Quire has neither a number nor a readable total for this invoice to compare.'
    }
  }
  const expected = invoice.total === null ? null : abs(toScaled(invoice.total))
  const printed = printedAmounts(text)
  const totalFound = expected === null ? null : printed.some((amount) => amount.scaled === expected)
  if (totalFound !== false && numberFound !== false) return { outcome: 'match', numberFound, totalFound, pdfShows: null, detail: null }

  const problems: string[] = []
  let pdfShows: string | null = null
  if (totalFound === false && expected !== null) {
    pdfShows = printed.find((amount) => UNIT_SHIFTS.some((shift) => shifted(expected, shift) === amount.scaled))?.text ?? null
    problems.push(
      pdfShows === null
        ? `The provider’s PDF does not print the total ${invoice.total} ${invoice.currency} anywhere.`
        : `The provider’s PDF shows ${pdfShows}; Quire has ${invoice.total} ${invoice.currency}.`
    )
  }
  if (numberFound === false) problems.push(`The provider’s PDF does not print the invoice number ${invoice.number}.`)
  return { outcome: 'mismatch', numberFound, totalFound, pdfShows, detail: problems.join(' ') }
}

/** Every amount the text prints, each as printed and as 1/10,000ths (sign dropped: credit notes print it many ways). */
function printedAmounts(text: string): { text: string; scaled: bigint }[] {
  const found: { text: string; scaled: bigint }[] = []
  for (const pattern of [PLAIN_AMOUNT, SPACED_AMOUNT]) {
    for (const match of text.matchAll(pattern)) {
      for (const reading of readAmount(match[0])) {
        found.push({ text: match[0], scaled: abs(toScaled(reading.decimal)) })
      }
    }
  }
  return found
}

/** `expected` multiplied (positive shift) or divided (negative, only when exact) by a power of ten. */
function shifted(expected: bigint, shift: bigint): bigint | null {
  if (shift > 0n) return expected * shift
  return expected % -shift === 0n ? expected / -shift : null
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase()
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value
}
