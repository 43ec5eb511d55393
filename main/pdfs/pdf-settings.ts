import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { PdfPolicy, PdfQuotaMb as QuotaMb } from '../../preload/contract'
import { SettingsTable } from '../db/settings-table'

export const PdfSettings = z.object({ policy: PdfPolicy.default('onOpen'), quotaMb: QuotaMb.default(500) })
export type PdfSettings = z.infer<typeof PdfSettings>

/** A change: only what is named is written (no defaults filled in). */
const PdfSettingsChange = z.object({ policy: PdfPolicy.optional(), quotaMb: QuotaMb.optional() }).strict()

const KEYS = { policy: 'pdf.policy', quotaMb: 'pdf.quotaMb' } as const

/** Kept in the app's `settings` table beside the other preferences, under keys of their own. */
export class PdfSettingsRepo {
  private readonly table

  constructor(db: Database) {
    this.table = new SettingsTable(db)
  }

  get(): PdfSettings {
    return {
      policy: this.table.read(KEYS.policy, PdfSettings.shape.policy),
      quotaMb: this.table.read(KEYS.quotaMb, PdfSettings.shape.quotaMb)
    }
  }

  update(changes: Partial<PdfSettings>): PdfSettings {
    const valid = PdfSettingsChange.parse(changes)
    for (const key of ['policy', 'quotaMb'] as const) {
      if (valid[key] !== undefined) this.table.write(KEYS[key], valid[key])
    }
    return this.get()
  }
}
