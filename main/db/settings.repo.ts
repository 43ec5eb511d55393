import type { Database } from 'better-sqlite3'
import { z } from 'zod'

/** App-wide preferences, each validated on the way out so a hand-edited value cannot break the app. */
export const Settings = z.object({
  /** 0: background sync is off. */
  syncIntervalMinutes: z.number().int().min(0).max(1440).default(0)
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
    const parsed = Settings.safeParse(stored)
    return parsed.success ? parsed.data : Settings.parse({})
  }

  update(changes: Partial<Settings>): Settings {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) this.putStmt.run(key, JSON.stringify(value))
    }
    return this.get()
  }
}
