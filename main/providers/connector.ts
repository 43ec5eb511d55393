import type { z } from 'zod'
import type { ProviderInfo, ProviderOptions } from '../../preload/contract'
import type { HttpDeps } from '../net/http'
import type { PdfInvoice } from '../net/pdf-request'
import type { AccessTokenCache } from './access-token-cache'
import type { SkippedRecord } from './record-reader'
import type { UnifiedInvoice } from './unified-invoice'
import type { UnifiedViewSession } from './unified-view-session'

/** One page of a full walk, and where the walk continues (null: the walk is complete). */
export interface InvoicePageResult {
  invoices: UnifiedInvoice[]
  /** The page's records that could not be kept as invoices; the rest of the page is kept. */
  skipped?: SkippedRecord[]
  next: string | null
  requests: number
  /** How many invoices the whole walk will list, when the provider says (for progress only). */
  expectedTotal?: number
}

export interface Connector {
  /** Proves the credentials work; returns a short human description of what they reach. */
  testConnection(signal?: AbortSignal): Promise<string>
  /**
   * Fetches the page at `cursor` (null: the first page). The cursor is the connector's own
   * opaque resume point, persisted by the sync engine with the page's rows.
   */
  fetchPage(cursor: string | null, signal?: AbortSignal): Promise<InvoicePageResult>
  /**
   * Optional: pages of the invoices updated at or after `since` (a provider timestamp from the
   * cache), for an incremental sync. `next` is null once the pages reach older updates.
   */
  fetchChangedPage?(since: string, cursor: string | null, signal?: AbortSignal): Promise<InvoicePageResult>
  /**
   * Optional, for page-number or offset paging, where an invoice removed behind the walk moves
   * every later one a place up and one can slip onto a page already fetched: of the cached
   * invoices a full walk did not list, the ones the provider confirms are gone. The others are
   * kept rather than tombstoned on the walk's word alone.
   */
  confirmGone?(remoteIds: readonly string[], signal?: AbortSignal): Promise<ReadonlySet<string>>
  /**
   * Optional: the page at `cursor` (null: the first) of every invoice view session the provider
   * records, for the activity timeline; `next` is null once the walk is complete.
   */
  fetchViewSessionPage?(
    cursor: string | null,
    signal?: AbortSignal
  ): Promise<{ sessions: UnifiedViewSession[]; next: string | null; requests: number }>
  /**
   * Optional, for providers whose API serves their own PDF: the response carrying the invoice's
   * PDF, unread (the caller streams, verifies and stores it), or null when the provider has none
   * for it yet. `invoice.raw` is the payload last synced, where a PDF link or flag may be.
   */
  downloadPdf?(invoice: PdfInvoice, signal?: AbortSignal): Promise<Response | null>
}

export interface ConnectorAccount {
  /** For messages: errors name the account they are about. */
  name: string
  baseUrl: string
  options: ProviderOptions
}

export interface ProviderDefinition extends Omit<ProviderInfo, 'requiredOptions' | 'optionalOptions'> {
  /**
   * Checks this provider's options (required ones present, no foreign ones) and fills its
   * defaults; a failure's messages are shown to the person adding the account.
   */
  options: z.ZodType<ProviderOptions>
  requiredOptions: ProviderInfo['requiredOptions']
  optionalOptions: ProviderInfo['optionalOptions']
  /**
   * `tokens`: where a connector that gets access tokens (OAuth) keeps them between syncs and
   * restarts; without one, a token lives as long as the connector.
   */
  createConnector(account: ConnectorAccount, secret: string, deps: HttpDeps, tokens?: AccessTokenCache): Connector
}
