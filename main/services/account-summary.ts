import type { AccountSummary } from '../../preload/contract'
import type { AccountRecord } from '../db/accounts.repo'

export function toAccountSummary(record: AccountRecord): AccountSummary {
  return {
    id: record.id,
    provider: record.provider,
    name: record.name,
    baseUrl: record.baseUrl,
    demo: record.options.demo === true,
    createdAt: record.createdAt,
    lastSyncedAt: record.lastSyncedAt,
    lastError: record.lastError,
    invoiceCount: record.invoiceCount
  }
}
