import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { PdfPolicy, PdfQuotaMb as QuotaMb } from '../../preload/contract'

export const PdfSettings = z.object({ policy: PdfPolicy.default('onOpen'), quotaMb: QuotaMb.default(500) })
export type PdfSettings = z.infer<typeof PdfSettings>

/** A change: only what is named is written (no defaults filled in). */
const PdfSettingsChange = z.object({ policy: PdfPolicy.optional(), quotaMb: QuotaMb.optional() }).strict()

const KEYS = { policy: 'pdf.policy', quotaMb: 'pdf.quotaMb' } as const

/** Kept in the app's `settings` table beside the other preferences, under keys of their own. */
export class PdfSettingsRepo {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Database) {
    this.getStmt = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`)
    this.putStmt = db.prepare<[string, string]>(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
  }

  /** Each value is validated on the way out, so a hand-edited one falls back to its default. */
  get(): PdfSettings {
    const read = (key: string): unknown => {
      const row = this.getStmt.get(key)
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown)
    }
    const policy = PdfPolicy.safeParse(read(KEYS.policy))
    const quotaMb = QuotaMb.safeParse(read(KEYS.quotaMb))
    return PdfSettings.parse({ policy: policy.success ? policy.data : undefined, quotaMb: quotaMb.success ? quotaMb.data : undefined })
  }

  update(changes: Partial<PdfSettings>): PdfSettings {
    const valid = PdfSettingsChange.parse(changes)
    for (const key of ['policy', 'quotaMb'] as const) {
      if (valid[key] !== undefined) this.putStmt.run(KEYS[key], JSON.stringify(valid[key]))
    }
    return this.get()
  }
}
