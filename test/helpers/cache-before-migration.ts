import Database from 'better-sqlite3'
import { loadMigrations, migrate } from '../../main/db/migrate'
import { defaultMigrationsDir } from '../../main/db/open-database'

export interface CacheBeforeMigration {
  db: Database.Database
  /** Applies the remaining migrations, as the first launch of a newer Quire would. */
  upgrade(): void
}

/**
 * An in-memory cache as a Quire from before the first of the named migrations left it, holding
 * two accounts for a test's invoices to belong to: 'cs' (CareSquare) and 'hs' (Hoursmith).
 */
export function cacheBeforeMigration(...names: string[]): CacheBeforeMigration {
  const all = loadMigrations(defaultMigrationsDir)
  const before = Math.min(
    ...names.map((name) => {
      const index = all.findIndex((migration) => migration.name === name)
      if (index < 1) throw new Error(`no migration named ${name} after the first`)
      return index
    })
  )
  const db = new Database(':memory:')
  migrate(db, all.slice(0, before), null)
  db.exec(
    `INSERT INTO accounts (id, provider, name, base_url, created_at) VALUES ('cs', 'caresquare', 'Plan Co', 'u', 't'), ('hs', 'hoursmith', 'Studio', 'u', 't')`
  )
  return { db, upgrade: () => migrate(db, all, null) }
}
