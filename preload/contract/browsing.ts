import { z } from 'zod'
import { MAX_EXPORT_SELECTION, MAX_KEYS_PER_CALL } from './export-limits'
import { AccountId, CsvDelimiter, DecimalString, InvoiceFilter, InvoiceSort, InvoiceSortColumn, InvoiceSummary, IsoInstant } from './models'

/**
 * Browsing the whole cache: totals per currency, saved views and CSV export. The list itself
 * (`invoices.list`) pages through the same InvoiceFilter and InvoiceSort.
 */

/** Never mixed across currencies: an exact sum per currency, formatted by the renderer. */
export const CurrencyTotal = z.object({
  currency: z.string(),
  /** Invoices that count in totals (see main/db/totals-rule.ts). */
  count: z.number().int().nonnegative(),
  /** Their gross totals. */
  total: DecimalString,
  /** What they still owe. */
  balance: DecimalString,
  /** Matching invoices of this currency the rule left out (void and draft, by default). */
  leftOut: z.number().int().nonnegative(),
  /** Of `count`, the invoices whose amount is unknown: not in `total`. */
  withoutAmount: z.number().int().nonnegative().optional()
})
export type CurrencyTotal = z.infer<typeof CurrencyTotal>

/** Void and draft invoices are out of totals unless this is set (the footer's visible switch). */
const TotalsRuleInput = { includeVoidAndDraft: z.boolean().default(false) }

/**
 * Which invoices to add up (main/db/totals-rule.ts). Void and draft invoices are left out unless
 * `includeVoidAndDraft` (each total says how many, `leftOut`). Duplicates and won't-claim
 * invoices (InvoiceFlag) are not money owed and are left out unless
 * `includeDuplicatesAndWontClaim`, or unless the filter itself asks for them (flags.duplicate or
 * flags.wontClaim true).
 */
export const TotalsQuery = InvoiceFilter.extend({ includeDuplicatesAndWontClaim: z.boolean().default(false), ...TotalsRuleInput })
export type TotalsQuery = z.infer<typeof TotalsQuery>

/** How many matching invoices the totals leave out, so the switch that counts them can say so. */
export const LeftOutOfTotals = z.object({ count: z.number().int().nonnegative() })
export type LeftOutOfTotals = z.infer<typeof LeftOutOfTotals>

/** An invoice as the contract names it everywhere: remote ids are unique per account only. */
export const InvoiceKey = z.object({ accountId: AccountId, remoteId: z.string().min(1).max(512) }).strict()
export type InvoiceKey = z.infer<typeof InvoiceKey>

export { MAX_EXPORT_SELECTION }

/** The grid's columns are exactly the sortable ones. */
export const GridColumn = InvoiceSortColumn
export type GridColumn = InvoiceSortColumn

export const ColumnLayout = z
  .object({
    /** Every column once, in display order. */
    order: z.array(GridColumn).max(GridColumn.options.length),
    hidden: z.array(GridColumn).max(GridColumn.options.length),
    /** Pixels, for the columns the person resized. */
    widths: z.partialRecord(GridColumn, z.number().int().min(48).max(800))
  })
  .strict()
export type ColumnLayout = z.infer<typeof ColumnLayout>

/** The whole query behind a view, paging aside. */
export const InvoiceListing = InvoiceFilter.extend({ sort: InvoiceSort.optional() })
export type InvoiceListing = z.infer<typeof InvoiceListing>

export const SavedViewState = z
  .object({
    filter: InvoiceFilter.strict(),
    sort: InvoiceSort,
    columns: ColumnLayout
  })
  .strict()
export type SavedViewState = z.infer<typeof SavedViewState>

export const ViewName = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(80, 'at most 80 characters')
  .regex(/^[^\p{Cc}]+$/u, 'a name cannot contain control characters')

export const SavedView = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  state: SavedViewState,
  updatedAt: IsoInstant
})
export type SavedView = z.infer<typeof SavedView>

/** What the Invoices screen opens with at launch: the default view if one is set, else what was last on screen. */
export const LaunchView = z.object({
  /** The default saved view's id; null when none is set (or it was deleted). */
  defaultViewId: z.number().int().positive().nullable(),
  /** The filter, sort and columns last on screen, remembered across restarts; null before any. */
  last: SavedViewState.nullable()
})
export type LaunchView = z.infer<typeof LaunchView>

export const ExportLevel = z.enum(['invoice', 'line'])
export type ExportLevel = z.infer<typeof ExportLevel>

export const ExportRequest = z
  .object({
    query: InvoiceListing.strict(),
    /** One row per invoice, or one per line item (invoices without lines still get one row). */
    level: ExportLevel.default('invoice'),
    /** A UTF-8 byte order mark, so Excel reads accents right. */
    bom: z.boolean().default(false),
    delimiter: CsvDelimiter.default('comma'),
    /**
     * Only these of the matching invoices (the rows picked in the grid), still in the list's
     * order. Absent: every invoice the query matches ("all matching" is the query itself, so a
     * million-row selection never crosses IPC as keys).
     */
    selection: z.array(InvoiceKey).min(1).max(MAX_EXPORT_SELECTION).optional()
  })
  .strict()
export type ExportRequest = z.infer<typeof ExportRequest>

/** An export main wrote this session, named by main: the renderer never hands main a path to open. */
export const ExportId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const ExportResult = z.object({
  id: ExportId,
  /** Where main wrote the file (the person's downloads folder). */
  path: z.string(),
  rows: z.number().int().nonnegative(),
  invoices: z.number().int().nonnegative(),
  /** Whether this host can open the file or its folder (the desktop app; not the CLI or the loopback host). */
  desktop: z.boolean()
})
export type ExportResult = z.infer<typeof ExportResult>

/** Pushed while an export runs: invoices written of those matching. */
export const ExportProgress = z.object({
  written: z.number().int().nonnegative(),
  total: z.number().int().nonnegative()
})
export type ExportProgress = z.infer<typeof ExportProgress>

/** Spread into the contract's method table (methods.ts). */
export const browsingMethods = {
  'invoices.getTotals': {
    input: TotalsQuery.strict(),
    output: z.array(CurrencyTotal)
  },
  /** What `invoices.list` leaves out of a new query's first windows so they are not kept waiting. */
  'invoices.count': {
    input: InvoiceFilter.strict(),
    output: z.object({ count: z.number().int().nonnegative() })
  },
  /** Matching invoices the totals leave out by default (duplicates, won't claim). */
  'invoices.countLeftOutOfTotals': {
    input: InvoiceFilter.strict(),
    output: LeftOutOfTotals
  },
  'invoices.getSelectionTotals': {
    input: z.object({ invoices: z.array(InvoiceKey).max(MAX_KEYS_PER_CALL), ...TotalsRuleInput }).strict(),
    output: z.array(CurrencyTotal)
  },
  /** The rows a person picked, in the order given (unknown keys left out): what "Copy rows" copies. */
  'invoices.getMany': {
    input: z.object({ invoices: z.array(InvoiceKey).max(MAX_KEYS_PER_CALL) }).strict(),
    output: z.array(InvoiceSummary)
  },
  'invoices.listCurrencies': {
    input: z.object({}).strict(),
    output: z.array(z.string())
  },
  'invoices.exportCsv': {
    input: ExportRequest,
    output: ExportResult
  },
  /** Opens a CSV this session exported with the system's default app, or (`folder`) the folder it is in; desktop app only. */
  'invoices.openExport': {
    input: z.object({ id: ExportId, folder: z.boolean().default(false) }).strict(),
    output: z.object({ opened: z.literal(true) })
  },
  'invoices.cancelExport': {
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() })
  },
  'views.list': {
    input: z.object({}).strict(),
    output: z.array(SavedView)
  },
  /** Saves under this name, replacing a view of the same name (names ignore case). */
  'views.save': {
    input: z.object({ name: ViewName, state: SavedViewState }).strict(),
    output: SavedView
  },
  'views.remove': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.object({ removed: z.boolean() })
  },
  'views.launch': {
    input: z.object({}).strict(),
    output: LaunchView
  },
  /** Sets (or with null, clears) the view the Invoices screen opens with; an unknown id sets none. */
  'views.setDefault': {
    input: z.object({ id: z.number().int().positive().nullable() }).strict(),
    output: z.object({ defaultViewId: z.number().int().positive().nullable() })
  },
  /** Remembers what is on screen, for the next launch when no default view is set. */
  'views.rememberLast': {
    input: z.object({ state: SavedViewState }).strict(),
    output: z.object({ remembered: z.literal(true) })
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
