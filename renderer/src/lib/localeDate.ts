/**
 * Calendar dates as people type them in their own locale ("31/03/2025" in en-GB, "31.03.2025" in
 * de-DE, "03/31/2025" in en-US), stored as ISO 'YYYY-MM-DD'. The browser's date input follows
 * the browser's language, not the user's, and lets "03/04/2025" mean whichever it likes.
 */

type Part = 'day' | 'month' | 'year'

/** How a locale writes a numeric date: the order of its parts and what it puts between them. */
export type DateOrder = {
  locale: string
  parts: [Part, Part, Part]
  separator: string
  /** Text the locale writes after the year ("." in ko-KR, " г." in bg-BG), dropped when parsing. */
  suffix: string
  /** The pattern to show in an empty field: "dd/mm/yyyy". */
  pattern: string
}

export type ParsedDate =
  | {
      ok: true
      iso: string
      /** False for a two-digit year: fine when the person is done typing, not while they still are. */
      complete: boolean
    }
  | { ok: false; error: string }

const PATTERN_PART: Record<Part, string> = { day: 'dd', month: 'mm', year: 'yyyy' }
// Right-to-left locales mark their separators with these; they are invisible and never typed.
const BIDI_MARKS = /[\u200e\u200f\u061c]/g
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const NUMERIC_DATE = /^(\d{1,4})[\s./-]+(\d{1,2})[\s./-]+(\d{1,4})$/
const SAMPLE = Date.UTC(2025, 2, 31)

function numericFormat(locale: string | undefined): Intl.DateTimeFormat {
  // Latin digits and the Gregorian calendar: what the stored ISO date means and what a keyboard types.
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
    numberingSystem: 'latn',
    calendar: 'gregory'
  })
}

/** The order `locale` (the user's own when undefined) writes day, month and year in. */
export function localeDateOrder(locale?: string): DateOrder {
  const format = numericFormat(locale)
  const tokens = format.formatToParts(SAMPLE)
  const found = tokens.filter(
    (t): t is Intl.DateTimeFormatPart & { type: Part } => t.type === 'day' || t.type === 'month' || t.type === 'year'
  )
  const parts = (found.length === 3 ? found.map((t) => t.type) : ['month', 'day', 'year']) as [Part, Part, Part]
  const lastNumber = tokens.findLastIndex((t) => t.type === parts[2])
  const suffix = tokens
    .slice(lastNumber + 1)
    .map((t) => t.value)
    .join('')
    .replace(BIDI_MARKS, '')
  const between = tokens.find((t) => t.type === 'literal')?.value.replace(BIDI_MARKS, '') ?? '/'
  const separator = between.trim() || between
  return { locale: format.resolvedOptions().locale, parts, separator, suffix, pattern: parts.map((p) => PATTERN_PART[p]).join(separator) }
}

/** '2025-03-31' as the locale writes it ("31/03/2025"); anything else is returned as it came. */
export function formatLocaleDate(iso: string, order: DateOrder): string {
  const match = ISO_DATE.exec(iso)
  if (!match) return iso
  const date = new Date(Date.UTC(2000, Number(match[2]) - 1, Number(match[3])))
  date.setUTCFullYear(Number(match[1]))
  return Number.isNaN(date.getTime()) ? iso : numericFormat(order.locale).format(date).replace(BIDI_MARKS, '')
}

/**
 * Reads a date typed in the locale's order, with any of / . - or spaces between the parts, or as
 * ISO (2025-03-31), or year first with a four-digit year (2025/03/31). A two-digit year means
 * 2000–2099: invoices are from this century, and a sliding window would change what "25" means
 * as the years pass. A day the month does not have (31/02) is an error, never rolled over.
 */
export function parseLocaleDate(text: string, order: DateOrder): ParsedDate {
  let typed = text.replace(BIDI_MARKS, '').trim()
  if (order.suffix.trim() && typed.endsWith(order.suffix.trim())) typed = typed.slice(0, -order.suffix.trim().length).trim()
  typed = typed.replace(/\.$/, '')
  const wrongShape: ParsedDate = {
    ok: false,
    error: `Type the date as ${order.pattern}, for example ${formatLocaleDate('2025-03-31', order)}`
  }

  const iso = ISO_DATE.exec(typed)
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), true, order)
  const match = NUMERIC_DATE.exec(typed)
  if (!match) return wrongShape
  const groups = [match[1], match[2], match[3]] as [string, string, string]
  // A four-digit first number can only be a year, whatever the locale's order: year, month, day.
  const parts: [Part, Part, Part] = groups[0].length === 4 ? ['year', 'month', 'day'] : order.parts
  const value = (part: Part): string => groups[parts.indexOf(part)] ?? ''
  const [day, month, year] = [value('day'), value('month'), value('year')]
  if (day.length > 2 || month.length > 2 || (year.length !== 2 && year.length !== 4)) return wrongShape
  const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year)
  return checked(fullYear, Number(month), Number(day), year.length === 4, order)
}

function checked(year: number, month: number, day: number, complete: boolean, order: DateOrder): ParsedDate {
  if (month < 1 || month > 12) return { ok: false, error: `There is no month ${month}: type the date as ${order.pattern}` }
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0)
  if (day < 1 || day > days) {
    // The sentence is English, as all of Quire's words are: so is the month's name in it.
    const monthName = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, 1)
    )
    return { ok: false, error: `${monthName} has no day ${day}` }
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { ok: true, iso, complete }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}
