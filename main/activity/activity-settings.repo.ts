import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import type { ActivitySettings } from '../../preload/contract'
import { SettingsTable } from '../db/settings-table'

/** A key of its own in the app's settings table. Recording is on unless someone turned it off. */
const KEY = 'activity.recordLocal'
const RecordLocal = z.boolean().default(true)

export class ActivitySettingsRepo {
  private readonly table

  constructor(db: Database) {
    this.table = new SettingsTable(db)
  }

  get(): ActivitySettings {
    return { recordLocal: this.table.read(KEY, RecordLocal) }
  }

  setRecordLocal(recordLocal: boolean): void {
    this.table.write(KEY, recordLocal)
  }
}
