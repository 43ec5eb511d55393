/**
 * How Rails renders a datetime: in the app's configured zone (`config.time_zone`, which an
 * operator sets from $YETI_TZ), with milliseconds and the zone's offset, or `Z` in UTC.
 * The dataset holds UTC instants; this turns one into the text a server in `zone` sends.
 */

/** A fixed offset (`+02:00`, `-0530`) or an IANA zone name (`Europe/Kyiv`); `UTC` sends `Z`. */
export type ServerZone = string

const FIXED_OFFSET = /^([+-])(\d{2}):?(\d{2})$/

export function renderServerTime(utc: string, zone: ServerZone): string {
  const at = Date.parse(utc)
  if (Number.isNaN(at)) throw new Error(`not an instant: ${utc}`)
  const offsetMinutes = offsetOf(at, zone)
  if (offsetMinutes === 0 && (zone === 'UTC' || zone === 'Etc/UTC')) return new Date(at).toISOString()
  const local = new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 23)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const magnitude = Math.abs(offsetMinutes)
  return `${local}${sign}${pad(Math.floor(magnitude / 60))}:${pad(magnitude % 60)}`
}

/** Minutes east of UTC that `zone` is at the instant `at` (daylight saving included). */
export function offsetOf(at: number, zone: ServerZone): number {
  const fixed = FIXED_OFFSET.exec(zone)
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]))
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(at))
    .find((part) => part.type === 'timeZoneName')?.value
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '')
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
