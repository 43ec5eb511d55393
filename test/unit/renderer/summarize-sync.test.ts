import { describe, expect, it } from 'vitest'
import type { SyncOutcome } from '../../../preload/contract'
import { summarizeSync } from '../../../renderer/src/features/sync/summarizeSync'

const outcome = (account: string, changes: Partial<SyncOutcome> = {}): SyncOutcome => ({
  accountId: `00000000-0000-4000-8000-00000000000${account.length}`,
  account,
  ok: true,
  pages: 1,
  requests: 1,
  upserted: 10,
  removed: 0,
  skipped: 0,
  skippedRecords: [],
  resumed: false,
  strategy: 'full',
  error: null,
  ...changes
})

describe('the sync summary', () => {
  it('points to Accounts when there is nothing to sync', () => {
    expect(summarizeSync([])).toEqual({
      message: 'There are no accounts to sync yet — add one under Accounts.',
      warns: false,
      failures: []
    })
  })

  it('adds up what the accounts that synced wrote', () => {
    expect(summarizeSync([outcome('North', { upserted: 1 }), outcome('Studio', { upserted: 1_200 })]).message).toMatch(
      /^Synced 2 accounts: 1,201 invoice records received\.$/
    )
    expect(summarizeSync([outcome('North', { upserted: 3, removed: 2 })]).message).toBe(
      'Synced 1 account: 3 invoice records received, 2 removed upstream since the last sync.'
    )
  })

  it('keeps cancelled accounts apart from failed ones, and names each failure', () => {
    const summary = summarizeSync([
      outcome('North'),
      outcome('Yeti', { ok: false, error: { code: 'CANCELLED', message: 'The sync was cancelled.' } }),
      outcome('Lynk', { ok: false, error: { code: 'AUTH', message: 'Lynkwell refused the client secret.' } })
    ])
    expect(summary.message).toMatch(/Cancelled 1 account; what arrived before cancelling is kept\.$/)
    expect(summary.failures).toEqual([
      { accountId: outcome('Lynk').accountId, account: 'Lynk', message: 'Lynkwell refused the client secret.' }
    ])
  })

  it('warns when records were held back, so the banner keeps that message whole', () => {
    expect(summarizeSync([outcome('North')]).warns).toBe(false)
    const held = summarizeSync([outcome('North', { skipped: 2 })])
    expect(held.warns).toBe(true)
    expect(held.message).toMatch(/2 records could not be read and were held back: see Accounts\.$/)
  })

  it('has no good news when every account failed', () => {
    expect(summarizeSync([outcome('Lynk', { ok: false, error: { code: 'NETWORK', message: 'offline' } })]).message).toBeNull()
  })
})
