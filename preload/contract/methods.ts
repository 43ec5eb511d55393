import { z } from 'zod'
import { activityMethods } from './activity'
import {
  AccountDraft,
  AccountId,
  AccountName,
  AccountSummary,
  AppSettings,
  InvoiceDetail,
  InvoicePage,
  InvoiceQuery,
  ProviderInfo,
  Secret,
  SyncOutcome
} from './models'
import { InvoiceRef, PdfCacheSettings, PdfDocument, PdfFileRef } from './pdfs'
import { browsingMethods } from './browsing'
import { lockMethods } from './lock'
import { duplicateMethods } from './duplicates'
import { pdfBundleMethods } from './pdf-bundle'
import { diagnosticsMethods } from './diagnostics'
import { skippedMethods } from './skipped'
import { reportMethods } from './reports'
import { paymentTermsMethods } from './payment-terms'
import { cacheMethods } from './cache'

/**
 * The one IPC contract. Main validates every input against `input` before a handler runs and
 * every result against `output` before it leaves (which also strips any field the schema does
 * not name). Names are `namespace.verbNoun`.
 */
export const methods = {
  'app.getInfo': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      accountCount: z.number().int().nonnegative(),
      providers: z.array(ProviderInfo)
    })
  },
  'accounts.list': {
    input: z.object({}).strict(),
    output: z.array(AccountSummary)
  },
  'accounts.add': {
    input: AccountDraft.strict(),
    output: AccountSummary
  },
  'accounts.testConnection': {
    /** `name`, when already typed, is how errors name the account. */
    input: AccountDraft.omit({ name: true }).extend({ name: AccountName.optional() }).strict(),
    output: z.object({ detail: z.string() })
  },
  /** Tests the new secret with the provider first (as adding does) unless `skipCheck`; a wrong one is refused and the old one kept. */
  'accounts.replaceSecret': {
    input: z.object({ accountId: AccountId, secret: Secret, skipCheck: z.boolean().default(false) }).strict(),
    output: AccountSummary
  },
  'accounts.remove': {
    input: z.object({ accountId: AccountId }).strict(),
    output: z.object({ removed: z.literal(true) })
  },
  'sync.run': {
    /** `full`: walk the whole list now (reconciling deletions) even where an incremental sync would do. */
    input: z.object({ accountId: AccountId.optional(), full: z.boolean().default(false) }).strict(),
    output: z.array(SyncOutcome)
  },
  'sync.cancel': {
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.number().int().nonnegative() })
  },
  'invoices.list': {
    input: InvoiceQuery.strict(),
    output: InvoicePage
  },
  'invoices.get': {
    input: z.object({ accountId: AccountId, remoteId: z.string().min(1).max(512) }).strict(),
    output: InvoiceDetail
  },
  'settings.get': {
    input: z.object({}).strict(),
    output: AppSettings
  },
  'settings.update': {
    input: AppSettings.partial().strict(),
    output: AppSettings
  },
  'demo.start': {
    input: z.object({}).strict(),
    output: z.array(AccountSummary)
  },
  /** The invoice as a PDF: the provider's own when it has one (fetched on first open), else one Quire renders. */
  'pdfs.open': {
    input: InvoiceRef.strict(),
    output: PdfDocument
  },
  /** Opens the cached file in the system's PDF viewer (desktop app only). */
  'pdfs.openExternal': {
    input: PdfFileRef.strict(),
    output: z.object({ opened: z.literal(true) })
  },
  /** Copies the cached file where the person chooses in a save dialog; null path when they cancel. */
  'pdfs.saveAs': {
    input: PdfFileRef.strict(),
    output: z.object({ path: z.string().nullable() })
  },
  /** Whether provider PDFs are fetched on open or ahead of time, and how much disk they may use. */
  'pdfs.settings': {
    input: z.object({}).strict(),
    output: PdfCacheSettings
  },
  'pdfs.updateSettings': {
    input: PdfCacheSettings.pick({ policy: true, quotaMb: true }).partial().strict(),
    output: PdfCacheSettings
  },
  ...browsingMethods,
  ...activityMethods,
  ...lockMethods,
  ...duplicateMethods,
  ...pdfBundleMethods,
  ...skippedMethods,
  ...reportMethods,
  ...paymentTermsMethods,
  ...cacheMethods,
  ...diagnosticsMethods
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Methods = typeof methods
export type MethodName = keyof Methods
/** What a caller passes (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>
/** What a handler receives (after validation and defaults). */
export type HandlerInput<M extends MethodName> = z.output<Methods[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>
