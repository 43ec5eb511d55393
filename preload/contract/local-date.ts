/**
 * A moment as a calendar date on this machine's own calendar: what "today" means for "overdue",
 * "due soon" and an export's name, in main and the renderer alike. Comparable as text with the
 * providers' YYYY-MM-DD dates.
 */
export function localIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
