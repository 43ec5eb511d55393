import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { SettingsTable } from '../db/settings-table'

/**
 * Wrong passcodes and when the next try is allowed, kept in the cache so that restarting the app
 * is no way around the wait. A hand-edited value falls back to "none yet", which only someone
 * who can already write the user's files could arrange.
 */
export const UnlockAttempts = z.object({
  failures: z.number().int().min(0).default(0),
  /** Epoch milliseconds, or null while attempts are free. */
  retryAt: z.number().int().nullable().default(null)
})
export type UnlockAttempts = z.infer<typeof UnlockAttempts>

const KEY = 'lockUnlockAttempts'
const Stored = UnlockAttempts.default({ failures: 0, retryAt: null })

export class UnlockAttemptsRepo {
  private readonly table

  constructor(db: Database) {
    this.table = new SettingsTable(db)
  }

  get(): UnlockAttempts {
    return this.table.read(KEY, Stored)
  }

  set(attempts: UnlockAttempts): void {
    this.table.write(KEY, attempts)
  }
}
