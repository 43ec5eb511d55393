import { formatInstant, formatRelative } from '../lib/format'
import { useNow } from '../lib/useNow'

/** "5 minutes ago", with the exact local time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow()
  return (
    <time dateTime={iso} title={formatInstant(iso, true)}>
      {formatRelative(iso, now)}
    </time>
  )
}
