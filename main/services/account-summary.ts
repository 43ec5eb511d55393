import type { AccountSummary, ProviderOptions } from '../../preload/contract'
import type { AccountOptions, AccountRecord } from '../db/accounts.repo'

export function toAccountSummary(record: AccountRecord): AccountSummary {
  return {
    id: record.id,
    provider: record.provider,
    name: record.name,
    baseUrl: record.baseUrl,
    options: providerOptions(record.options),
    demo: record.options.demo === true,
    createdAt: record.createdAt,
    lastSyncedAt: record.lastSyncedAt,
    lastError: record.lastError,
    invoiceCount: record.invoiceCount,
    pdfMismatches: record.pdfMismatches,
    skippedCount: record.skippedCount,
    lastRun: record.lastRun,
    failingSince: record.failingSince
  }
}

function providerOptions({ demo: _demo, ...options }: AccountOptions): ProviderOptions {
  return options
}
