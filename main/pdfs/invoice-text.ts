/**
 * Text for a generated invoice PDF: money exact and in the invoice's own currency, dates as the
 * provider meant them (a calendar date has no time zone; an instant is shown with one).
 */

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'))

/**
 * "1234.5" + "EUR" → "€1,234.50". Never rounded: the currency's usual places at least, and
 * every further digit the amount really has (a per-second call rate can have twelve).
 * An unknown code (Yeti's "XXX" when no currency is known) is printed after the number.
 */
export function formatAmount(amount: string, currency: string, locale?: string): string {
  const digits = (amount.split('.')[1] ?? '').replace(/0+$/, '').length
  const value = amount as Intl.StringNumericLiteral
  const code = currency.toUpperCase()
  if (knownCurrencies.has(code)) {
    const usual = new Intl.NumberFormat(locale, { style: 'currency', currency: code }).resolvedOptions().minimumFractionDigits ?? 2
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: usual,
      maximumFractionDigits: Math.min(20, Math.max(usual, digits))
    }).format(value)
  }
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.min(20, Math.max(2, digits))
  }).format(value)
  return `${number} ${currency}`
}

/** A quantity or other plain decimal, exact. */
export function formatDecimal(value: string, locale?: string): string {
  const digits = (value.split('.')[1] ?? '').replace(/0+$/, '').length
  return new Intl.NumberFormat(locale, { maximumFractionDigits: Math.min(20, digits) }).format(value as Intl.StringNumericLiteral)
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** '2026-11-23' → "23 Nov 2026" (in the locale's order), printed in UTC so it never shifts a day. */
export function formatCalendarDate(isoDate: string, locale?: string): string {
  const match = CALENDAR_DATE.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(2000, Number(match[2]) - 1, Number(match[3])))
  date.setUTCFullYear(Number(match[1]))
  return Number.isNaN(date.getTime()) ? isoDate : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** An instant with its time zone named, since paper has no hover to explain it. */
export function formatInstant(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short'
  }).format(date)
}

/** Provider fields that may hold a calendar date or an instant; anything else is printed as sent. */
export function formatDateOrInstant(text: string, locale?: string): string {
  return CALENDAR_DATE.test(text) ? formatCalendarDate(text, locale) : formatInstant(text, locale)
}

/**
 * Makes text drawable with a font that covers only `charset` (the embedded font covers Latin,
 * Greek and Cyrillic, not CJK). A line break or tab becomes a space; a character the font lacks
 * becomes "?", and `lost` says so, so the page can tell the reader that the app shows the exact
 * text.
 */
export function printable(text: string, charset: ReadonlySet<number>): { text: string; lost: boolean } {
  let lost = false
  const out = Array.from(text.normalize('NFC').replace(/[\r\n\t]+/g, ' '), (char) => {
    if (charset.has(char.codePointAt(0)!)) return char
    lost = true
    return '?'
  }).join('')
  return { text: out, lost }
}
