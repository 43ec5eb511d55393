import type { SyncOutcome } from '../../preload/contract'
import type { LogFields } from '../log/log'

/**
 * The one log line per account per sync. Every count the outcome carries goes in (pages,
 * requests, upserted, skipped, removed, …) so a count added to SyncOutcome is logged without a
 * change here; lists (such as skipped records) stay out, as they may hold invoice content.
 */
export function syncSummaryFields(outcome: SyncOutcome, provider: string, durationMs: number): LogFields {
  const counts = Object.fromEntries(Object.entries(outcome).filter(([, value]) => typeof value === 'number' || typeof value === 'boolean'))
  return {
    account: outcome.account,
    accountId: outcome.accountId,
    provider,
    strategy: outcome.strategy,
    ...counts,
    durationMs,
    errorCode: outcome.error?.code ?? null,
    error: outcome.error?.message
  }
}
