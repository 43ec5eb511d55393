import { z } from 'zod'
import { AccountId, IsoInstant, SkippedRecordBrief } from './models'

/**
 * Records a provider sent that Quire could not keep as invoices: held back with the reason,
 * reported, and read again on every sync until the provider fixes them.
 */

export const SkippedRecordView = SkippedRecordBrief.extend({
  accountId: AccountId,
  account: z.string(),
  /** The record as received, as JSON text with secrets redacted; long records are cut. */
  raw: z.string(),
  firstSeenAt: IsoInstant,
  lastSeenAt: IsoInstant
})
export type SkippedRecordView = z.infer<typeof SkippedRecordView>

export const skippedMethods = {
  'skipped.list': {
    input: z.object({ accountId: AccountId.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(SkippedRecordView)
  }
} as const
