import { z } from 'zod'
import { AccountId, ChangeField, DecimalString, InvoiceFilter, IsoDate, IsoInstant, ProviderId } from './models'

/**
 * Answers across every account: the Overview (tiles and months per currency), the aging report
 * as of any date, and the feed of what changed since an instant. Amounts are exact decimal
 * strings, one currency at a time.
 */

export const AGING_BUCKET_NAMES = ['current', '1-30', '31-60', '61-90', '90+'] as const
export const AgingBucketName = z.enum(AGING_BUCKET_NAMES)
export type AgingBucketName = z.infer<typeof AgingBucketName>

export const AgingGrouping = z.enum(['counterparty', 'account'])
export type AgingGrouping = z.infer<typeof AgingGrouping>

/** The list's filters, less those an as-of report decides itself (status and tombstones are as they were then). */
export const AgingFilter = InvoiceFilter.omit({ status: true, includeRemoved: true, onlyRemoved: true, changedSince: true })
export type AgingFilter = z.infer<typeof AgingFilter>

export const AgingRequest = z
  .object({
    /** Default: today on the person's calendar. */
    asOf: IsoDate.optional(),
    by: AgingGrouping.default('counterparty'),
    filter: AgingFilter.strict().default({})
  })
  .strict()
export type AgingRequest = z.infer<typeof AgingRequest>

export const AgingRow = z.object({
  key: z.string(),
  currency: z.string(),
  count: z.number().int().nonnegative(),
  amounts: z.record(AgingBucketName, DecimalString),
  /** Exactly the sum of `amounts`. */
  total: DecimalString,
  /** Invoices aged from their issue date because the provider sent no due date. */
  agedFromIssueDate: z.number().int().nonnegative()
})
export type AgingRow = z.infer<typeof AgingRow>

export const AgingReport = z.object({
  asOf: IsoDate,
  by: AgingGrouping,
  buckets: z.array(AgingBucketName),
  rows: z.array(AgingRow),
  /** Per currency, the rows added up: what its open invoices owed on the date. */
  currencyTotals: z.array(AgingRow.omit({ key: true })),
  /** The newest successful sync of any account: what the report can know. */
  syncedAt: IsoInstant.nullable(),
  /** Invoices issued by the as-of date that Quire first saw only after it, so left out. */
  notYetSeen: z.number().int().nonnegative(),
  /** Invoices owed on the date whose total the provider sent unreadable: counted here, in no row. */
  withoutAmount: z.number().int().nonnegative()
})
export type AgingReport = z.infer<typeof AgingReport>

export const ChangeItem = z.object({
  accountId: AccountId,
  account: z.string(),
  provider: ProviderId,
  remoteId: z.string(),
  number: z.string().nullable(),
  currency: z.string(),
  field: ChangeField,
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** When Quire saw it (the sync that recorded it), not when the provider says it happened. */
  at: IsoInstant
})
export type ChangeItem = z.infer<typeof ChangeItem>

export const ChangesRequest = z
  .object({
    since: IsoInstant,
    accountId: AccountId.optional(),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(200)
  })
  .strict()
export type ChangesRequest = z.infer<typeof ChangesRequest>

/** Newest first. */
export const ChangesPage = z.object({ total: z.number().int().nonnegative(), items: z.array(ChangeItem) })
export type ChangesPage = z.infer<typeof ChangesPage>

const Tile = z.object({ count: z.number().int().nonnegative(), amount: DecimalString })

export const CurrencyOverview = z.object({
  currency: z.string(),
  /** Open invoices (overdue included): total less paid. */
  outstanding: Tile,
  /** Open and due before today. */
  overdue: Tile,
  /** Open and due from today to seven days on. */
  dueSoon: Tile,
  /** Invoices Quire saw become paid since the month began: their paid amount (else total). */
  paidThisMonth: Tile,
  /** Per month of issue, oldest first: what was issued, and how much of it is paid so far. */
  months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), issued: DecimalString, paid: DecimalString }))
})
export type CurrencyOverview = z.infer<typeof CurrencyOverview>

export const Overview = z.object({
  today: IsoDate,
  /** The last day the "due soon" tile counts (today plus seven days). */
  dueSoonUntil: IsoDate,
  /** The instant this month began on the person's calendar (the "paid this month" filter). */
  monthStart: IsoInstant,
  currencies: z.array(CurrencyOverview)
})
export type Overview = z.infer<typeof Overview>

/** Spread into the contract's method table (methods.ts). */
export const reportMethods = {
  'reports.overview': {
    input: z.object({ months: z.union([z.literal(12), z.literal(24)]).default(12) }).strict(),
    output: Overview
  },
  'reports.aging': {
    input: AgingRequest,
    output: AgingReport
  },
  /** The aging report as CSV in the export folder. */
  'reports.exportAgingCsv': {
    input: AgingRequest,
    output: z.object({ path: z.string(), rows: z.number().int().nonnegative() })
  },
  'changes.since': {
    input: ChangesRequest,
    output: ChangesPage
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
