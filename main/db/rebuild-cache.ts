/**
 * The recovery path for a damaged cache: everything in it can be fetched again from the
 * providers except the accounts themselves, so keep those (their secrets are in the keychain
 * under the same ids), set the damaged file aside for inspection, and start a fresh cache.
 */
import { existsSync, renameSync } from 'node:fs'
import Database from 'better-sqlite3'
import { openDatabase } from './open-database'

interface AccountRow {
  id: string
  provider: string
  name: string
  base_url: string
  options: string
  created_at: string
}

export interface RebuildResult {
  movedTo: string
  accountsKept: number
}

export function rebuildCache(file: string, now: Date, migrationsDir?: string): RebuildResult {
  const accounts = salvageAccounts(file)
  const movedTo = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix)
  }
  const db = openDatabase(file, migrationsDir)
  try {
    const insert = db.prepare(
      `INSERT OR IGNORE INTO accounts (id, provider, name, base_url, options, created_at) VALUES (@id, @provider, @name, @base_url, @options, @created_at)`
    )
    db.transaction(() => accounts.forEach((account) => insert.run(account))).immediate()
  } finally {
    db.close()
  }
  return { movedTo, accountsKept: accounts.length }
}

/** Best effort: whatever account rows can still be read; none if even that table is gone. */
function salvageAccounts(file: string): AccountRow[] {
  try {
    const damaged = new Database(file, { readonly: true, fileMustExist: true })
    try {
      return damaged.prepare<[], AccountRow>(`SELECT id, provider, name, base_url, options, created_at FROM accounts`).all()
    } finally {
      damaged.close()
    }
  } catch {
    return []
  }
}
