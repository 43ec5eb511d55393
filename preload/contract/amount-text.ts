/**
 * Amounts as people type them: "1.234,56", "1,234.56", "€1 234,56", "-12,5". Pure text work,
 * no floats: each reading is an exact decimal string ("1234.56"). Shared by main (search, CLI)
 * and the renderer (amount filters), so it imports nothing.
 */

export interface AmountReading {
  /** Canonical decimal text: "-1234.56", "1234". */
  decimal: string
  /** Which mark this reading took as the decimal separator; null when it has none. */
  decimalMark: '.' | ',' | null
}

const SPACES = /[\s\u00a0\u202f']/g
const CURRENCY_SIGNS = /^\p{Sc}+|\p{Sc}+$/gu

/**
 * Every way `text` can be read as an amount, most likely first for no locale in particular.
 * Both marks present: the last one is the decimal mark. One mark once, with exactly three
 * digits after it and one to three before ("1,234"): ambiguous, so both readings. Grouping must
 * be in threes; leading zeros ("0042") mean an identifier, not an amount: no reading.
 */
export function readAmount(text: string): AmountReading[] {
  let body = text.trim().replace(CURRENCY_SIGNS, '').replace(SPACES, '')
  let sign = ''
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    sign = '-'
    body = body.slice(1)
  }
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body)) return []
  const marks = [...body].filter((c) => c === '.' || c === ',')
  if (marks.length === 0) return integerReading(sign, body)
  const last = marks[marks.length - 1] as '.' | ','
  const other = last === '.' ? ',' : '.'
  if (marks.includes(other)) {
    if (marks.filter((m) => m === last).length > 1) return []
    const cut = body.lastIndexOf(last)
    return grouped(body.slice(0, cut), other)
      ? decimalReading(sign, body.slice(0, cut).split(other).join(''), body.slice(cut + 1), last)
      : []
  }
  if (marks.length > 1) return grouped(body, last) ? integerReading(sign, body.split(last).join('')) : []
  const [whole = '', fraction = ''] = body.split(last)
  const asDecimal = decimalReading(sign, whole, fraction, last)
  if (fraction.length === 3 && grouped(body, last)) return [...integerReading(sign, whole + fraction), ...asDecimal]
  return asDecimal
}

/** "1.234.567" with "." as grouping: a first group of 1–3 digits, then groups of exactly 3. */
function grouped(text: string, mark: string): boolean {
  const groups = text.split(mark)
  return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g))
}

function integerReading(sign: string, digits: string): AmountReading[] {
  if (/^0\d/.test(digits)) return []
  return [{ decimal: signed(sign, digits), decimalMark: null }]
}

function decimalReading(sign: string, whole: string, fraction: string, mark: '.' | ','): AmountReading[] {
  if (/^0\d/.test(whole) || fraction.length === 0) return []
  return [{ decimal: signed(sign, `${whole}.${fraction}`), decimalMark: mark }]
}

function signed(sign: string, decimal: string): string {
  return /^[0.]+$/.test(decimal) ? decimal : `${sign}${decimal}`
}
