import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { CsvDelimiter } from '../../preload/contract'
import type { DomainEvents } from '../base/domain-events'
import { SettingsTable } from './settings-table'

/** App-wide preferences, each validated on the way out so a hand-edited value cannot break the app. */
export const Settings = z.object({
  /**
   * 0: background sync is off. On by default (hourly): a cache nobody remembers to refresh says
   * "synced" about data that is days old.
   */
  syncIntervalMinutes: z.number().int().min(0).max(1440).default(60),
  hideAmounts: z.boolean().default(false),
  lockEnabled: z.boolean().default(false),
  lockIdleMinutes: z.number().int().min(1).max(480).default(10),
  lockOnSystemLock: z.boolean().default(true),
  /** The app's CSV exports use the delimiter last chosen; a comma (RFC 4180) until one is. */
  csvDelimiter: CsvDelimiter.default('comma')
})
export type Settings = z.infer<typeof Settings>

export class SettingsRepo {
  private readonly table

  constructor(
    db: Database,
    private readonly domain: DomainEvents
  ) {
    this.table = new SettingsTable(db)
  }

  /** One hand-edited value falls back to its own default, not every setting to theirs. */
  get(): Settings {
    return Settings.parse(Object.fromEntries(Object.entries(Settings.shape).map(([key, schema]) => [key, this.table.read(key, schema)])))
  }

  update(changes: Partial<Settings>): Settings {
    const keys = Object.entries(changes).filter(([, value]) => value !== undefined)
    for (const [key, value] of keys) this.table.write(key, value)
    if (keys.length > 0) void this.domain.emit('settings.changed', { keys: keys.map(([key]) => key) })
    return this.get()
  }
}
