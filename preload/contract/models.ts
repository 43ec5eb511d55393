import { z } from 'zod'
import { PdfCheck } from './document-checks'
import { MAX_LIST_WINDOW } from './export-limits'

/** Shapes that cross the IPC boundary. JSON-safe only: the test host sends them over HTTP. */

export const ProviderId = z.enum(['caresquare', 'yeti', 'hoursmith', 'lynkwell'])
export type ProviderId = z.infer<typeof ProviderId>

/** An exact decimal amount as text ("1234.50", "-0.01"); never a binary float. */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number like 1234.56')

/** A calendar date with no time zone (an invoice's issue or due date). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-23')

/** An instant (UTC, ISO 8601), e.g. when a sync finished. */
export const IsoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'expected a UTC timestamp')

export const AccountName = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(64, 'at most 64 characters')
  .regex(/^[^/\p{Cc}]+$/u, 'a name cannot contain "/" or control characters')

export const AccountId = z.string().uuid()

export const BaseUrl = z
  .string()
  .trim()
  .refine(isHttpUrl, 'expected an http or https URL like https://hoursmith.app/api/v1')
  .transform((u) => u.replace(/\/+$/, ''))

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text)
    return protocol === 'http:' || protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * Non-secret per-account settings; which ones a provider needs is checked by that provider in
 * main (CareSquare: planManagerIds; Yeti: login; Lynkwell: clientId, optionally tokenUrl and
 * audience). The secret itself is never among them.
 */
export const AmountUnit = z.enum(['major', 'minor'])
export type AmountUnit = z.infer<typeof AmountUnit>

export const ProviderOptions = z
  .object({
    planManagerIds: z.array(z.string().uuid('a plan manager id is a UUID')).min(1).max(50).optional(),
    login: z.string().trim().min(1).max(200).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    tokenUrl: BaseUrl.optional(),
    audience: z.string().trim().min(1).max(500).optional(),
    /** Yeti-Switch only: the person chose to send the password over http to a host on their own network. */
    allowInsecure: z.boolean().optional(),
    /** Lynkwell: whether amounts are dollars (major, the default) or cents (minor); see main/providers/lynkwell/map.ts. */
    amountUnit: AmountUnit.optional()
  })
  .strict()
export type ProviderOptions = z.infer<typeof ProviderOptions>

export const ProviderInfo = z.object({
  id: ProviderId,
  label: z.string(),
  /** null: there is no public host (self-hosted), so the account must name one. */
  defaultBaseUrl: z.string().nullable(),
  /** What the secret is called by this provider: "API key", "Password", "Client secret"… */
  secretLabel: z.string(),
  /** The ProviderOptions keys this provider requires, then those it accepts. */
  requiredOptions: z.array(z.enum(['planManagerIds', 'login', 'clientId', 'tokenUrl', 'audience', 'amountUnit'])),
  optionalOptions: z.array(z.enum(['planManagerIds', 'login', 'clientId', 'tokenUrl', 'audience', 'amountUnit']))
})
export type ProviderInfo = z.infer<typeof ProviderInfo>

export const AccountSummary = z.object({
  id: AccountId,
  provider: ProviderId,
  name: z.string(),
  baseUrl: z.string(),
  options: ProviderOptions,
  demo: z.boolean(),
  createdAt: IsoInstant,
  lastSyncedAt: IsoInstant.nullable(),
  lastError: z.string().nullable(),
  invoiceCount: z.number().int().nonnegative(),
  /** Invoices whose provider PDF prints another number or total than the synced data. */
  pdfMismatches: z.number().int().nonnegative().default(0),
  /** Records the provider sent that could not be kept as invoices (see `skipped.list`). */
  skippedCount: z.number().int().nonnegative(),
  /** The most recent finished sync: what it did and what it cost. */
  lastRun: z
    .object({
      strategy: z.enum(['full', 'incremental']),
      outcome: z.enum(['ok', 'failed', 'cancelled']),
      requests: z.number().int().nonnegative(),
      upserted: z.number().int().nonnegative(),
      finishedAt: IsoInstant
    })
    .nullable(),
  /** When the current streak of failed syncs began (the top bar says "failing since"); null while syncing fine. */
  failingSince: IsoInstant.nullable()
})
export type AccountSummary = z.infer<typeof AccountSummary>

/** A secret travels renderer → main exactly once and is never sent back. */
export const Secret = z.string().trim().min(1, 'a token is required').max(4096)

export const AccountDraft = z.object({
  provider: ProviderId,
  name: AccountName,
  baseUrl: BaseUrl.optional(),
  options: ProviderOptions.default({}),
  secret: Secret
})
export type AccountDraft = z.infer<typeof AccountDraft>

export const InvoiceStatus = z.enum(['draft', 'open', 'paid', 'void', 'unknown'])
export type InvoiceStatus = z.infer<typeof InvoiceStatus>

/**
 * Flags a provider sets on an invoice that change what it means (CareSquare's `is_duplicate`,
 * `wont_claim` and `errors`): shown as badges and filtered on. Duplicates and won't-claim
 * invoices are not money owed, so totals leave them out unless asked (see TotalsQuery).
 */
export const InvoiceFlag = z.enum(['duplicate', 'wontClaim', 'errors'])
export type InvoiceFlag = z.infer<typeof InvoiceFlag>

export const InvoiceSummary = z.object({
  accountId: AccountId,
  account: z.string(),
  provider: ProviderId,
  remoteId: z.string(),
  number: z.string().nullable(),
  status: InvoiceStatus,
  rawStatus: z.string().nullable(),
  paymentStatus: z.string().nullable(),
  counterparty: z.string().nullable(),
  currency: z.string(),
  /** Null when the provider sent no total Quire could read: shown as "—", left out of totals. */
  total: DecimalString.nullable(),
  paid: DecimalString.nullable(),
  /** Still owed: total less paid; nothing for a paid or void invoice; null when the total is unknown. */
  balance: DecimalString.nullable(),
  /** Days past the due date for an open invoice that is overdue today; null otherwise. */
  daysOverdue: z.number().int().positive().nullable(),
  issueDate: IsoDate.nullable(),
  /** The provider's due date, else one derived from the account's payment terms. */
  dueDate: IsoDate.nullable(),
  /** Whether dueDate comes from payment terms rather than the provider. */
  dueDateDerived: z.boolean(),
  /** When the provider says it was paid / sent: instants (shown as local dates); null where it sends none. */
  paidAt: IsoInstant.nullable(),
  sentAt: IsoInstant.nullable(),
  removed: z.boolean(),
  lineItemCount: z.number().int().nonnegative(),
  hasPdf: z.boolean(),
  flags: z.array(InvoiceFlag),
  /** With a search: 'pdf' when only the text of the provider's PDF matched it (the grid says so). */
  searchHit: z.enum(['data', 'pdf']).optional()
})
export type InvoiceSummary = z.infer<typeof InvoiceSummary>

export const LineItem = z.object({
  position: z.number().int().nonnegative(),
  description: z.string(),
  quantity: DecimalString.nullable(),
  unitPrice: DecimalString.nullable(),
  amount: DecimalString.nullable()
})
export type LineItem = z.infer<typeof LineItem>

/** One local record of a change seen between two syncs (status or amounts), oldest first. */
export const InvoiceChange = z.object({
  at: IsoInstant,
  field: z.enum(['status', 'paymentStatus', 'total', 'paid', 'removed']),
  before: z.string().nullable(),
  after: z.string().nullable()
})
export type InvoiceChange = z.infer<typeof InvoiceChange>

export const InvoiceDetail = InvoiceSummary.extend({
  notes: z.string().nullable(),
  subtotal: DecimalString.nullable(),
  /** Taken off the subtotal before tax, where the provider states one: subtotal − discount + tax = total. */
  discount: DecimalString.nullable(),
  tax: DecimalString.nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  remoteCreatedAt: z.string().nullable(),
  remoteUpdatedAt: z.string().nullable(),
  syncedAt: IsoInstant,
  lineItems: z.array(LineItem),
  history: z.array(InvoiceChange),
  /** The provider's last payload, pretty-printed: shown as text, never interpreted. */
  rawJson: z.string(),
  /** The cached provider PDF checked against this data; null until one has been read. */
  pdfCheck: PdfCheck.nullable().default(null)
})
export type InvoiceDetail = z.infer<typeof InvoiceDetail>

/** A stored status, or "overdue": open with a due date before today (derived, never stored). */
export const InvoiceStatusFilter = z.enum(['draft', 'open', 'overdue', 'paid', 'void', 'unknown'])
export type InvoiceStatusFilter = z.infer<typeof InvoiceStatusFilter>

/** Both ends inclusive; either may be left open. */
export const DateRange = z.object({ from: IsoDate.optional(), to: IsoDate.optional() }).strict()
export type DateRange = z.infer<typeof DateRange>

/** On the invoice total, both ends inclusive. Exact decimals: the renderer parses the user's locale. */
export const AmountRange = z.object({ min: DecimalString.optional(), max: DecimalString.optional() }).strict()
export type AmountRange = z.infer<typeof AmountRange>

export const InvoiceSortColumn = z.enum([
  'provider',
  'account',
  'number',
  'counterparty',
  'issueDate',
  'dueDate',
  'status',
  'currency',
  'total',
  'paid',
  'hasPdf',
  'balance',
  'daysOverdue',
  'paidAt',
  'sentAt'
])
export type InvoiceSortColumn = z.infer<typeof InvoiceSortColumn>

/** Ties are broken by the cache's row id in the same direction, so paging is stable. */
export const InvoiceSort = z.object({ column: InvoiceSortColumn, direction: z.enum(['asc', 'desc']) }).strict()
export type InvoiceSort = z.infer<typeof InvoiceSort>

/**
 * What the changes feed reports for an invoice: it was added to the cache, removed upstream (or
 * restored), or its status, payment status, total or paid amount changed.
 */
export const ChangeField = z.enum(['added', 'removed', 'restored', 'status', 'paymentStatus', 'total', 'paid'])
export type ChangeField = z.infer<typeof ChangeField>

/** Invoices Quire saw change at or after `since` (any change, or only of `field`). */
export const ChangedSince = z.object({ since: IsoInstant, field: ChangeField.optional() }).strict()
export type ChangedSince = z.infer<typeof ChangedSince>

/** Which invoices: every field narrows; the grid, totals, export and the CLI share it. */
export const InvoiceFilter = z.object({
  accountId: AccountId.optional(),
  provider: ProviderId.optional(),
  /** Words (each a prefix) over number, counterparty, notes and line items; amounts as typed ("1.234,56"). */
  search: z.string().trim().max(200).optional(),
  status: InvoiceStatusFilter.optional(),
  issued: DateRange.optional(),
  due: DateRange.optional(),
  /** Invoices whose service period overlaps this range. */
  period: DateRange.optional(),
  total: AmountRange.optional(),
  currency: z.string().trim().min(1).max(16).optional(),
  /** A PDF from the provider. */
  hasPdf: z.boolean().optional(),
  /** Per flag: true keeps only invoices with it, false only those without it. */
  flags: z.partialRecord(InvoiceFlag, z.boolean()).optional(),
  includeRemoved: z.boolean().default(false),
  /** Only tombstones (implies includeRemoved). */
  onlyRemoved: z.boolean().optional(),
  /**
   * Amounts are hidden on screen: a typed amount matches as text only and the total range is
   * ignored, so neither can confirm a value the screen does not show.
   */
  amountsHidden: z.boolean().optional(),
  changedSince: ChangedSince.optional(),
  /** Exactly this counterparty, ignoring case (an aging row's drill-down). */
  counterparty: z.string().trim().min(1).max(500).optional()
})
export type InvoiceFilter = z.infer<typeof InvoiceFilter>

export const InvoiceQuery = InvoiceFilter.extend({
  /** Default: newest issue date first. */
  sort: InvoiceSort.optional(),
  offset: z.number().int().min(0).max(100_000_000).default(0),
  /** A page, never a table: the list is fetched in windows. */
  limit: z.number().int().min(1).max(MAX_LIST_WINDOW).default(100)
})
export type InvoiceQuery = z.infer<typeof InvoiceQuery>

export const InvoicePage = z.object({
  /** Every invoice the query matches; null when not counted yet (see `invoices.count`). */
  total: z.number().int().nonnegative().nullable(),
  items: z.array(InvoiceSummary)
})
export type InvoicePage = z.infer<typeof InvoicePage>

/** The most a sync outcome lists; `skipped` still counts them all. */
export const MAX_REPORTED_SKIPS = 100

/** What a sync reports of one skipped record: where it was and why, without its content. */
export const SkippedRecordBrief = z.object({
  /** Null when the record had no id Quire could read. */
  remoteId: z.string().nullable(),
  page: z.number().int().positive(),
  field: z.string(),
  reason: z.string()
})
export type SkippedRecordBrief = z.infer<typeof SkippedRecordBrief>

export const SyncOutcome = z.object({
  accountId: AccountId,
  account: z.string(),
  ok: z.boolean(),
  pages: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  upserted: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  resumed: z.boolean(),
  /** What this run did: walked the whole list, or fetched only recent changes; null if it never started. */
  strategy: z.enum(['full', 'incremental']).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Records this run could not keep as invoices; the rest of their pages were kept. */
  skipped: z.number().int().nonnegative(),
  /** The first MAX_REPORTED_SKIPS of them. */
  skippedRecords: z.array(SkippedRecordBrief).max(MAX_REPORTED_SKIPS)
})
export type SyncOutcome = z.infer<typeof SyncOutcome>

export const SyncProgress = z.object({
  accountId: AccountId,
  account: z.string(),
  phase: z.enum(['started', 'page', 'finished', 'failed']),
  pages: z.number().int().nonnegative(),
  upserted: z.number().int().nonnegative(),
  /** Invoices listed so far in this walk (a resumed walk counts what earlier runs committed). */
  walked: z.number().int().nonnegative(),
  /** How many the walk will list, when the provider says; null drives an indeterminate bar. */
  expected: z.number().int().nonnegative().nullable(),
  etaSeconds: z.number().nonnegative().nullable(),
  message: z.string().nullable()
})
export type SyncProgress = z.infer<typeof SyncProgress>

/**
 * What separates a CSV export's cells: a comma (RFC 4180), a semicolon (what spreadsheets expect
 * where the decimal separator is a comma) or a tab.
 */
export const CsvDelimiter = z.enum(['comma', 'semicolon', 'tab'])
export type CsvDelimiter = z.infer<typeof CsvDelimiter>

export const AppSettings = z.object({
  /** Background sync every N minutes; 0 turns it off. */
  syncIntervalMinutes: z.number().int().min(0).max(1440),
  /** Privacy mode for screen sharing: amounts are masked everywhere on screen (exports keep them). */
  hideAmounts: z.boolean(),
  /** The delimiter the app's last CSV export used, offered again (the CLI's default stays a comma). */
  csvDelimiter: CsvDelimiter,
  /** Whether this machine seems to be online now (read-only; ignored on update). */
  online: z.boolean().optional()
})
export type AppSettings = z.infer<typeof AppSettings>
