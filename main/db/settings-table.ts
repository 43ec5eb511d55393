import type { Database } from 'better-sqlite3'
import type { z } from 'zod'

/**
 * The app's `settings` table: one JSON value per key. Every read goes through the key's schema
 * (which carries its default), so a hand-edited or unreadable value falls back to that default
 * instead of breaking the app; the app's preferences, the PDF cache's and activity recording's
 * all keep their keys here.
 */
export class SettingsTable {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Database) {
    this.getStmt = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`)
    this.putStmt = db.prepare<[string, string]>(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`
    )
  }

  read<S extends z.ZodType>(key: string, schema: S): z.output<S> {
    const row = this.getStmt.get(key)
    const parsed = schema.safeParse(row === undefined ? undefined : parseStored(row.value))
    return parsed.success ? parsed.data : schema.parse(undefined)
  }

  write(key: string, value: unknown): void {
    this.putStmt.run(key, JSON.stringify(value))
  }
}

function parseStored(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
