/**
 * Schema migrations: numbered SQL files (NNNN_verb_noun.sql) applied in order inside one
 * IMMEDIATE transaction, so an upgrade either happens whole or not at all, tracked in
 * `PRAGMA user_version`. A database written by a newer Quire is refused, never downgraded.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { makeFilePrivate } from '../storage/private-files'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { AppError } from '../base/errors'

export interface Migration {
  version: number
  name: string
  sql: string
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry) => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match![1]),
      name: match![2]!,
      sql: readFileSync(join(dir, file), 'utf8')
    }))
    .sort((a, b) => a.version - b.version)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at ${i + 1}`)
  })
  return migrations
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings `db` up to the newest migration. `dbFile` (null for in-memory) is copied aside first
 * when there is anything to apply, so a failed or regretted upgrade can be undone by hand.
 */
export function migrate(db: Database, migrations: Migration[], dbFile: string | null): number {
  const current = schemaVersion(db)
  const latest = migrations.length
  if (current > latest) {
    throw new AppError(
      'DB_NEWER_THAN_APP',
      `This cache was written by a newer version of Quire (schema ${current}; this version knows ${latest}). Update Quire, or move the data folder aside to start a fresh cache.`
    )
  }
  if (current === latest) return current
  if (dbFile !== null && current > 0 && existsSync(dbFile)) {
    db.pragma('wal_checkpoint(TRUNCATE)')
    const backup = `${dbFile}.before-v${latest}.bak`
    copyFileSync(dbFile, backup)
    // A copy holds every invoice too: the person's eyes only, whatever the source's mode was.
    makeFilePrivate(backup)
  }
  db.transaction(() => {
    for (const migration of migrations.slice(current)) db.exec(migration.sql)
    // PRAGMA takes no bound parameters; `latest` is a number we computed.
    db.pragma(`user_version = ${latest}`)
  }).immediate()
  return latest
}
