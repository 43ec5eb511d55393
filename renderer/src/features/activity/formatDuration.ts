const unit = (name: 'hour' | 'minute' | 'second') => new Intl.NumberFormat(undefined, { style: 'unit', unit: name, unitDisplay: 'short' })
const hours = unit('hour')
const minutes = unit('minute')
const seconds = unit('second')

/** Whole seconds for people, in their locale, to two units at most: "4 min 12 sec", "1 hr 5 min", "6 sec". */
export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600)
  const m = Math.floor((totalSeconds % 3600) / 60)
  const s = totalSeconds % 60
  if (h > 0) return m > 0 ? `${hours.format(h)} ${minutes.format(m)}` : hours.format(h)
  if (m > 0) return s > 0 ? `${minutes.format(m)} ${seconds.format(s)}` : minutes.format(m)
  return seconds.format(s)
}
