/** With background sync off, an account is stale after a day: finance data older than that misleads. */
export const STALE_WITHOUT_SCHEDULE_MINUTES = 24 * 60

export type Freshness = { state: 'never' } | { state: 'fresh' | 'stale'; ageMinutes: number; allowedMinutes: number }

/**
 * Whether an account's last successful sync is as recent as the sync interval allows. One missed
 * run is tolerated (a sleeping laptop, a sync in progress): stale means older than two intervals.
 */
export function freshness(lastSyncedAt: string | null, intervalMinutes: number, now: number): Freshness {
  if (lastSyncedAt === null) return { state: 'never' }
  const ageMinutes = Math.max(0, (now - Date.parse(lastSyncedAt)) / 60_000)
  const allowedMinutes = intervalMinutes > 0 ? 2 * intervalMinutes : STALE_WITHOUT_SCHEDULE_MINUTES
  return { state: ageMinutes > allowedMinutes ? 'stale' : 'fresh', ageMinutes, allowedMinutes }
}
