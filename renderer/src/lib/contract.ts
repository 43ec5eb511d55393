/** Contract types, re-exported type-only so the renderer never bundles zod or the schemas. */
export type {
  AccountSummary,
  InvoiceDetail,
  InvoicePage,
  InvoiceStatus,
  InvoiceSummary,
  LineItem,
  MethodInput,
  MethodOutput,
  ProviderId,
  ProviderOptions,
  SyncOutcome,
  SyncProgress
} from '../../../preload/contract'

import type { MethodOutput } from '../../../preload/contract'

export type AppInfo = MethodOutput<'app.getInfo'>
export type ProviderInfo = AppInfo['providers'][number]
/** A non-secret per-account setting a provider may ask for. */
export type OptionKey = ProviderInfo['requiredOptions'][number]
