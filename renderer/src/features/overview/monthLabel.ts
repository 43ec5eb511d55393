const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' })
const shortMonthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' })

/** '2026-03' → "Mar 2026" (or "Mar" for axis ticks), in the person's language. */
export function monthLabel(month: string, short = false): string {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const date = new Date(Date.UTC(2000, m - 1, 1))
  date.setUTCFullYear(year)
  return (short ? shortMonthFormat : monthFormat).format(date)
}

/** The first and last day of a 'YYYY-MM' month. */
export function monthDates(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` }
}
