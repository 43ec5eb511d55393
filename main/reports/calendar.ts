/**
 * Calendar arithmetic on 'YYYY-MM-DD' dates, which have no time zone: computed in UTC so that a
 * day is always 24 hours and no daylight-saving change moves a bucket edge.
 */

const DAY_MS = 86_400_000

function utcMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(ms)) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`)
  return ms
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / DAY_MS)
}

export function addDays(date: string, days: number): string {
  return new Date(utcMs(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** 'YYYY-MM' of the month `offset` months after the month of `date`. */
export function monthOf(date: string, offset = 0): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  const index = year * 12 + (month - 1) + offset
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The last `count` months up to and including the month of `today`, oldest first. */
export function lastMonths(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, k) => monthOf(today, k - count + 1))
}

/** The first and last day of a 'YYYY-MM' month. */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`
  return { from, to: addDays(`${monthOf(from, 1)}-01`, -1) }
}

/**
 * The instant a local calendar day ends (the next local midnight), in UTC: what Quire knew "on"
 * a date is everything it had recorded before then, on the person's own calendar.
 */
export function endOfLocalDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day + 1).toISOString()
}

/** The instant a local calendar day starts. */
export function startOfLocalDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day).toISOString()
}
