import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { AppError } from '../base/errors'
import { ensurePrivateDir, ensurePrivateFile } from '../storage/private-files'
import { loadMigrations, migrate } from './migrate'

/** In source this is main/db/migrations; the electron-vite build copies it beside the bundle. */
export const defaultMigrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

const WAL_CHECKPOINT_PAGES = 8192
const WAL_KEPT_BYTES = 64 * 1024 * 1024

/**
 * Opens (creating if needed) the cache at `file` and migrates it. A file that is not a database,
 * or whose schema cannot be read, fails here with DB_CORRUPT; damage deeper in the file is found
 * by the integrity check the core runs in the background after launch (CacheHealthMonitor),
 * since reading every page first would make a large cache's launch take seconds. WAL with
 * synchronous=NORMAL: a committed page survives an app crash or kill; a power cut may lose the
 * last few commits but never corrupts the file, and the next sync refetches what was lost.
 */
export function openDatabase(file: string, migrationsDir = defaultMigrationsDir): Database.Database {
  ensurePrivateDir(dirname(file))
  ensurePrivateFile(file)
  const migrations = loadMigrations(migrationsDir)
  let db: Database.Database
  try {
    db = new Database(file)
    db.pragma('journal_mode = WAL')
  } catch (error) {
    throw isCorruption(error) ? corrupt(file, error) : error
  }
  try {
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // A sync page dirties a page or so of every invoice index per invoice, most of them the same
    // pages page after page. Checkpointing every 1,000 WAL pages (SQLite's default) copies them
    // into the file after almost every commit; every 8,192 copies each once per several commits,
    // which makes a large sync about 40% faster. The WAL file is trimmed back once checkpointed.
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`)
    db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`)
    migrate(db, migrations, file)
    return db
  } catch (error) {
    db.close()
    throw isCorruption(error) ? corrupt(file, error) : error
  }
}

/** Only damage is reported as damage: a full disk or a locked file must not invite a rebuild. */
function isCorruption(error: unknown): boolean {
  return error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)
}

function corrupt(file: string, cause: unknown): AppError {
  return new AppError('DB_CORRUPT', damagedCacheMessage(file, 'open'), { cause })
}

/** What to say about a damaged cache: found when opening it, or by the check while it is open. */
export function damagedCacheMessage(file: string, when: 'open' | 'found'): string {
  const what =
    when === 'open'
      ? 'is damaged and cannot be opened'
      : 'is damaged (found by the integrity check); what it shows may be wrong or incomplete'
  return `The invoice cache at ${file} ${what}. Rebuild it (in the app, or with \`quire cache rebuild\`): your accounts are kept, the damaged file is set aside, and the next sync fetches your invoices again.`
}
