import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import type { ActivitySettings } from '../../preload/contract'

/** A key of its own in the app's settings table; a hand-edited value falls back to the default. */
const KEY = 'activity.recordLocal'
const RecordLocal = z.boolean().catch(true)

export class ActivitySettingsRepo {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Database) {
    this.getStmt = db.prepare<[string], { value: string }>(`SELECT value FROM settings WHERE key = ?`)
    this.putStmt = db.prepare<[string, string]>(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
  }

  get(): ActivitySettings {
    const row = this.getStmt.get(KEY)
    // Recording is on unless someone turned it off.
    return { recordLocal: row === undefined ? true : RecordLocal.parse(JSON.parse(row.value)) }
  }

  setRecordLocal(recordLocal: boolean): void {
    this.putStmt.run(KEY, JSON.stringify(recordLocal))
  }
}
