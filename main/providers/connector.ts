import type { AccountRecord } from '../db/accounts.repo'
import type { HttpDeps } from '../net/http'
import type { UnifiedInvoice } from './unified-invoice'

/** One page of a full walk, and where the walk continues (null: the walk is complete). */
export interface InvoicePageResult {
  invoices: UnifiedInvoice[]
  next: string | null
  requests: number
}

export interface Connector {
  /** Proves the credentials work; returns a short human description of what they reach. */
  testConnection(signal?: AbortSignal): Promise<string>
  /**
   * Fetches the page at `cursor` (null: the first page). The cursor is the connector's own
   * opaque resume point, persisted by the sync engine with the page's rows.
   */
  fetchPage(cursor: string | null, signal?: AbortSignal): Promise<InvoicePageResult>
}

export interface ProviderDefinition {
  id: AccountRecord['provider']
  label: string
  defaultBaseUrl: string
  createConnector(account: Pick<AccountRecord, 'name' | 'baseUrl' | 'options'>, secret: string, deps: HttpDeps): Connector
}
