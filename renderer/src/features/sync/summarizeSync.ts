import type { SyncOutcome } from '../../lib/contract'
import { formatCount, plural } from '../../lib/format'

export type SyncSummary = {
  /** What went well (or that nothing happened); null when every account failed. */
  message: string | null
  /** Records were held back: the message carries a warning, so it is never cut to one line. */
  warns: boolean
  failures: { accountId: string; account: string; message: string }[]
}

export function summarizeSync(outcomes: SyncOutcome[]): SyncSummary {
  if (outcomes.length === 0) {
    return { message: 'There are no accounts to sync yet — add one under Accounts.', warns: false, failures: [] }
  }
  const succeeded = outcomes.filter((o) => o.ok)
  const cancelled = outcomes.filter((o) => !o.ok && o.error?.code === 'CANCELLED')
  const failed = outcomes.filter((o) => !o.ok && o.error?.code !== 'CANCELLED')

  const parts: string[] = []
  if (succeeded.length > 0) {
    const upserted = succeeded.reduce((sum, o) => sum + o.upserted, 0)
    const removed = succeeded.reduce((sum, o) => sum + o.removed, 0)
    // What arrived, not what the list shows: records the provider marks deleted, or lists twice,
    // arrive too, so "received" beside the list's own count says what each number counts.
    parts.push(
      `Synced ${plural(succeeded.length, 'account', 'accounts')}: ${plural(upserted, 'invoice record', 'invoice records')} received` +
        (removed > 0 ? `, ${formatCount(removed)} removed upstream since the last sync` : '')
    )
  }
  const skipped = outcomes.reduce((sum, o) => sum + o.skipped, 0)
  if (skipped > 0)
    parts.push(`${plural(skipped, 'record', 'records')} could not be read and ${skipped === 1 ? 'was' : 'were'} held back: see Accounts`)
  if (cancelled.length > 0) {
    parts.push(`Cancelled ${plural(cancelled.length, 'account', 'accounts')}; what arrived before cancelling is kept`)
  }
  return {
    message: parts.length > 0 ? `${parts.join('. ')}.` : null,
    warns: skipped > 0,
    failures: failed.map((o) => ({
      accountId: o.accountId,
      account: o.account,
      message: o.error?.message ?? 'The sync stopped without saying why.'
    }))
  }
}
