import { localIsoDate } from '../../../../preload/contract/local-date'

export type DatePreset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'lastQuarter' | 'yearToDate' | 'last12Months'

export const DATE_PRESETS: readonly { id: DatePreset; label: string }[] = [
  { id: 'thisMonth', label: 'This month' },
  { id: 'lastMonth', label: 'Last month' },
  { id: 'thisQuarter', label: 'This quarter' },
  { id: 'lastQuarter', label: 'Last quarter' },
  { id: 'yearToDate', label: 'Year to date' },
  { id: 'last12Months', label: 'Last 12 months' }
]

/**
 * A preset as an inclusive range of YYYY-MM-DD dates on this machine's calendar (where "today"
 * is the person's own day, as for "overdue"), compared as text with the providers' issue dates.
 * Months and quarters are whole calendar ones; "last 12 months" is the year up to today, from the
 * day after this date a year ago (from 1 March when today is 29 February).
 */
export function presetRange(preset: DatePreset, now: Date): { from: string; to: string } {
  const year = now.getFullYear()
  const month = now.getMonth()
  const today = localIsoDate(now)
  // Date(y, m, 0) is the last day of month m - 1; months past either end roll into the next or previous year.
  const day = (y: number, m: number, d: number): string => localIsoDate(new Date(y, m, d))
  const quarter = month - (month % 3)
  switch (preset) {
    case 'thisMonth':
      return { from: day(year, month, 1), to: day(year, month + 1, 0) }
    case 'lastMonth':
      return { from: day(year, month - 1, 1), to: day(year, month, 0) }
    case 'thisQuarter':
      return { from: day(year, quarter, 1), to: day(year, quarter + 3, 0) }
    case 'lastQuarter':
      return { from: day(year, quarter - 3, 1), to: day(year, quarter, 0) }
    case 'yearToDate':
      return { from: day(year, 0, 1), to: today }
    case 'last12Months': {
      const sameDayLastYear = Math.min(now.getDate(), new Date(year - 1, month + 1, 0).getDate())
      return { from: day(year - 1, month, sameDayLastYear + 1), to: today }
    }
  }
}

/** Which preset a range is today, if any: the picker shows it, and "Custom" otherwise. */
export function matchingPreset(range: { from: string; to: string }, now: Date): DatePreset | null {
  return (
    DATE_PRESETS.find(({ id }) => {
      const preset = presetRange(id, now)
      return preset.from === range.from && preset.to === range.to
    })?.id ?? null
  )
}
