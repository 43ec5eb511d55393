/**
 * Display formatting. Amounts arrive as exact decimal text and are handed to Intl as strings, so
 * no binary float ever touches money. Locale is the user's own (`undefined`).
 */
import { localIsoDate } from '../../../preload/contract/local-date'

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const countFormat = new Intl.NumberFormat(undefined)
const plainDecimalFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 20 })
const moneyFormats = new Map<string, Intl.NumberFormat | null>()
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'))

/** Null when Intl cannot name the currency: it would print a made-up code as if it were real. */
function moneyFormat(currency: string): Intl.NumberFormat | null {
  const key = currency.toUpperCase()
  if (!moneyFormats.has(key)) {
    let format: Intl.NumberFormat | null = null
    if (knownCurrencies.has(key)) {
      try {
        format = new Intl.NumberFormat(undefined, { style: 'currency', currency: key })
      } catch {
        format = null
      }
    }
    moneyFormats.set(key, format)
  }
  return moneyFormats.get(key) ?? null
}

const preciseFormats = new Map<string, Intl.NumberFormat>()

/**
 * "1234.5" + "EUR" → "€1,234.50"; an unknown code falls back to "1,234.50 XYZ". Never rounded:
 * an amount with more places than its currency's usual (a per-minute rate, "803.7228") shows
 * them all, as the generated PDF and the export do.
 */
export function formatMoney(amount: string, currency: string): string {
  const value = amount as Intl.StringNumericLiteral
  const format = moneyFormat(currency)
  if (!format) {
    const number = plainDecimalFormat.format(value)
    return currency ? `${number} ${currency}` : number
  }
  const places = (amount.split('.')[1] ?? '').replace(/0+$/, '').length
  const usual = format.resolvedOptions().maximumFractionDigits ?? 2
  if (places <= usual) return format.format(value)
  const key = `${currency.toUpperCase()}:${places}`
  let precise = preciseFormats.get(key)
  if (!precise) {
    precise = new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: usual,
      maximumFractionDigits: Math.min(20, places)
    })
    preciseFormats.set(key, precise)
  }
  return precise.format(value)
}

const NUMBER_PARTS = new Set<Intl.NumberFormatPartTypes>(['integer', 'group', 'decimal', 'fraction', 'minusSign'])

/**
 * An amount with its digits masked ("€•••••"): the currency stays readable, so a shared screen
 * still says what kind of money it is, never how much — nor, by its length, roughly how much.
 */
export function formatMoneyHidden(currency: string): string {
  const format = moneyFormat(currency)
  if (!format) return currency ? `••••• ${currency}` : '•••••'
  let masked = false
  return format
    .formatToParts(0)
    .map((part) => {
      if (!NUMBER_PARTS.has(part.type)) return part.value
      if (masked) return ''
      masked = true
      return '•••••'
    })
    .join('')
}

/** A title-like label ("Client secret") as it reads mid-sentence; acronyms ("API key") stay as they are. */
export function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label
}

export function formatCount(count: number): string {
  return countFormat.format(count)
}

/** "1 invoice", "2,000 invoices". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`
}

const calendarDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/**
 * A calendar date ('2026-11-23') has no time zone: it is built and printed in UTC so that a user
 * west of Greenwich does not see the day before.
 */
export function formatCalendarDate(isoDate: string): string {
  const match = CALENDAR_DATE.exec(isoDate)
  if (!match) return isoDate
  const date = new Date(Date.UTC(2000, Number(match[2]) - 1, Number(match[3])))
  // Date.UTC maps years 0–99 to 1900–1999; set the year separately to keep it literal.
  date.setUTCFullYear(Number(match[1]))
  return Number.isNaN(date.getTime()) ? isoDate : calendarDateFormat.format(date)
}

const instantFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const exactInstantFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' })

/** An instant, in the user's own time zone. */
export function formatInstant(iso: string, exact = false): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return (exact ? exactInstantFormat : instantFormat).format(date)
}

const localDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** An instant as the calendar date it fell on in the user's own time zone ("Paid on"). */
export function formatLocalDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : localDateFormat.format(date)
}

/** Provider fields that may hold either a calendar date or an instant; anything else is shown as sent. */
export function formatDateOrInstant(text: string): string {
  return CALENDAR_DATE.test(text) ? formatCalendarDate(text) : formatInstant(text)
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY]
]

/** "3 minutes ago", "yesterday". */
export function formatRelative(iso: string, now: number): string {
  const then = new Date(iso).getTime()
  if (Number.isNaN(then)) return iso
  let amount = (then - now) / 1000
  if (Math.abs(amount) < 45) return 'just now'
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return relativeFormat.format(Math.round(amount), unit)
    amount /= size
  }
  return formatInstant(iso)
}

/** Today as a local calendar date, comparable as text with 'YYYY-MM-DD' due dates. */
export function todayIsoDate(now = new Date()): string {
  return localIsoDate(now)
}

const decimalFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 20 })

/** A plain exact decimal such as a quantity: "1.50" → "1.5", "1000" → "1,000". */
export function formatDecimal(value: string): string {
  return decimalFormat.format(value as Intl.StringNumericLiteral)
}
