import type { Database } from 'better-sqlite3'
import { z } from 'zod'

/** App-wide preferences, each validated on the way out so a hand-edited value cannot break the app. */
export const Settings = z.object({
  /** 0: background sync is off. */
  syncIntervalMinutes: z.number().int().min(0).max(1440).default(0),
  hideAmounts: z.boolean().default(false),
  lockEnabled: z.boolean().default(false),
  lockIdleMinutes: z.number().int().min(1).max(480).default(10),
  lockOnSystemLock: z.boolean().default(true)
})
export type Settings = z.infer<typeof Settings>

export class SettingsRepo {
  private readonly allStmt
  private readonly putStmt

  constructor(db: Database) {
    this.allStmt = db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM settings`)
    this.putStmt = db.prepare<[string, string]>(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
  }

  get(): Settings {
    const stored = Object.fromEntries(this.allStmt.all().map(({ key, value }) => [key, JSON.parse(value) as unknown]))
    // One hand-edited value falls back to its own default, not every setting to theirs.
    const values = Object.fromEntries(Object.entries(Settings.shape).map(([key, schema]) => {
      const parsed = schema.safeParse(stored[key])
      return [key, parsed.success ? parsed.data : schema.parse(undefined)]
    }))
    return Settings.parse(values)
  }

  update(changes: Partial<Settings>): Settings {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) this.putStmt.run(key, JSON.stringify(value))
    }
    return this.get()
  }
}
