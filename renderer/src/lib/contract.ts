/** Contract types, re-exported type-only so the renderer never bundles zod or the schemas. */
export type {
  AccountSummary,
  CacheHealth,
  InvoiceDetail,
  InvoiceFlag,
  InvoicePage,
  InvoiceStatus,
  InvoiceSummary,
  LineItem,
  LockStatus,
  LogLocation,
  MethodInput,
  MethodOutput,
  ProviderId,
  ProviderOptions,
  SkippedRecordView,
  SyncOutcome,
  SyncProgress
} from '../../../preload/contract'
/** Browsing: filters, sorts, totals, saved views and export. */
export type {
  ColumnLayout,
  CsvDelimiter,
  CurrencyTotal,
  ExportProgress,
  ExportResult,
  GridColumn,
  InvoiceChange,
  InvoiceFilter,
  InvoiceKey,
  InvoiceListing,
  InvoiceSort,
  InvoiceStatusFilter,
  SavedView,
  SavedViewState
} from '../../../preload/contract'
/** Reports: the Overview, aging and the changes feed. */
export type {
  AgingGrouping,
  AgingReport,
  AgingRow,
  ChangeField,
  ChangeItem,
  ChangesPage,
  CurrencyOverview,
  Overview
} from '../../../preload/contract'

/** Payment terms and where due dates come from. */
export type { AccountPaymentTerms, PaymentTerms, PaymentTermsBasis } from '../../../preload/contract'

import type { MethodOutput } from '../../../preload/contract'

export type AppInfo = MethodOutput<'app.getInfo'>
export type ProviderInfo = AppInfo['providers'][number]
/** A non-secret per-account setting a provider may ask for. */
export type OptionKey = ProviderInfo['requiredOptions'][number]
/** Documents: the PDF bundle, checks of provider PDFs against the data, likely duplicates. */
export type { DuplicateGroup, PdfBundleResult, PdfCheck } from '../../../preload/contract'
