import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { isAppError } from '../../main/base/errors'
import { loadMigrations, migrate, schemaVersion } from '../../main/db/migrate'
import { defaultMigrationsDir, openDatabase } from '../../main/db/open-database'
import { cacheBeforeMigration } from '../helpers/cache-before-migration'
import { tempDir } from '../helpers/temp-dir'

describe('migrations', () => {
  const dir = (): string => {
    const d = tempDir()
    onTestFinished(d.remove)
    return d.path
  }

  it('creates STRICT tables with WAL and foreign keys on a new cache', () => {
    const db = openDatabase(join(dir(), 'quire.sqlite3'))
    expect(schemaVersion(db)).toBe(loadMigrations(defaultMigrationsDir).length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const strict = db.prepare(`SELECT name FROM pragma_table_list WHERE strict = 1 ORDER BY name`).pluck().all()
    expect(strict).toEqual(expect.arrayContaining(['accounts', 'invoices', 'line_items', 'sync_runs', 'sync_state']))
    db.prepare(`INSERT INTO accounts (id, provider, name, base_url, created_at) VALUES ('a', 'hoursmith', 'n', 'u', 't')`).run()
    expect(() => db.prepare(`INSERT INTO sync_state (account_id, walk) VALUES ('a', 'many')`).run()).toThrow(
      /cannot store TEXT value in INTEGER/
    )
    expect(() => db.prepare(`INSERT INTO sync_state (account_id) VALUES ('missing')`).run()).toThrow(/FOREIGN KEY/)
    db.close()
  })

  it('refuses a cache written by a newer Quire, and leaves it untouched', () => {
    const file = join(dir(), 'quire.sqlite3')
    const future = new Database(file)
    future.pragma('user_version = 999')
    future.close()
    let error: unknown
    try {
      openDatabase(file)
    } catch (e) {
      error = e
    }
    expect(isAppError(error, 'DB_NEWER_THAN_APP')).toBe(true)
    const after = new Database(file)
    expect(after.pragma('user_version', { simple: true })).toBe(999)
    after.close()
  })

  it('backs up before upgrading and applies all pending steps in one transaction', () => {
    const migrations = join(dir(), 'migrations')
    mkdirSync(migrations)
    writeFileSync(join(migrations, '0001_create_t.sql'), 'CREATE TABLE t (a INTEGER) STRICT;')
    const file = join(dir(), 'quire.sqlite3')
    const first = openDatabase(file, migrations)
    first.prepare('INSERT INTO t VALUES (1)').run()
    first.close()

    writeFileSync(join(migrations, '0002_add_u.sql'), 'CREATE TABLE u (b INTEGER) STRICT;')
    writeFileSync(join(migrations, '0003_broken.sql'), 'CREATE TABLE nonsense (;')
    expect(() => openDatabase(file, migrations)).toThrow()
    const unchanged = new Database(file)
    expect(schemaVersion(unchanged)).toBe(1)
    expect(unchanged.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'u'`).pluck().get()).toBe(0)
    unchanged.close()
    expect(existsSync(`${file}.before-v3.bak`)).toBe(true)
  })

  it('rejects numbering with gaps', () => {
    const migrations = join(dir(), 'migrations')
    mkdirSync(migrations)
    writeFileSync(join(migrations, '0001_a.sql'), '')
    writeFileSync(join(migrations, '0003_c.sql'), '')
    expect(() => loadMigrations(migrations)).toThrow(/without gaps/)
  })

  it('says how to recover when the file is not a database', () => {
    const file = join(dir(), 'quire.sqlite3')
    writeFileSync(file, 'this is not sqlite'.repeat(500))
    let error: unknown
    try {
      openDatabase(file)
    } catch (e) {
      error = e
    }
    expect(isAppError(error, 'DB_CORRUPT')).toBe(true)
    expect((error as Error).message).toMatch(/quire cache rebuild.*accounts are kept/)
  })

  it('exposes a fresh schema whose migration list matches what the runner applies', () => {
    const db = new Database(':memory:')
    expect(migrate(db, loadMigrations(defaultMigrationsDir), null)).toBe(loadMigrations(defaultMigrationsDir).length)
    db.close()
  })

  it('fills the CareSquare flags and the Hoursmith discount of invoices cached before those fields existed', () => {
    const { db, upgrade } = cacheBeforeMigration('add_caresquare_claim_flags', 'add_invoice_discount')
    const insert = db.prepare(
      `INSERT INTO invoices (account_id, remote_id, status, currency, total, total_scaled, seen_walk, raw, synced_at) VALUES (?, ?, 'open', 'AUD', '1', 10000, 1, ?, 't')`
    )
    insert.run('cs', 'dup', JSON.stringify({ is_duplicate: true, wont_claim: false, errors: true }))
    insert.run('cs', 'wont', JSON.stringify({ is_duplicate: null, wont_claim: true }))
    insert.run('cs', 'odd', JSON.stringify(['not an object']))
    insert.run('hs', 'discounted', JSON.stringify({ discountAmount: '12.50', is_duplicate: true }))
    insert.run('hs', 'garbled', JSON.stringify({ discountAmount: '1.2.3' }))
    upgrade()
    const rows = db.prepare(`SELECT remote_id, is_duplicate, wont_claim, has_errors, discount FROM invoices ORDER BY remote_id`).all()
    expect(rows).toEqual([
      { remote_id: 'discounted', is_duplicate: 0, wont_claim: 0, has_errors: 0, discount: '12.50' },
      { remote_id: 'dup', is_duplicate: 1, wont_claim: 0, has_errors: 1, discount: null },
      { remote_id: 'garbled', is_duplicate: 0, wont_claim: 0, has_errors: 0, discount: null },
      { remote_id: 'odd', is_duplicate: 0, wont_claim: 0, has_errors: 0, discount: null },
      { remote_id: 'wont', is_duplicate: 0, wont_claim: 1, has_errors: 0, discount: null }
    ])
    db.close()
  })

  it('fills the Hoursmith paid and sent instants of invoices cached before those fields existed, in UTC', () => {
    const { db, upgrade } = cacheBeforeMigration('add_paid_and_sent_at')
    const insert = db.prepare(
      `INSERT INTO invoices (account_id, remote_id, status, currency, total, total_scaled, seen_walk, raw, synced_at) VALUES (?, ?, 'open', 'AUD', '1', 10000, 1, ?, 't')`
    )
    insert.run('hs', 'paid', JSON.stringify({ paidAt: '2025-03-31T20:30:00-05:00', sentAt: '2025-03-01T09:00:00Z' }))
    insert.run('hs', 'draft', JSON.stringify({ paidAt: null, sentAt: 'not a time' }))
    insert.run('cs', 'other', JSON.stringify({ paidAt: '2025-03-31T20:30:00Z' }))
    upgrade()
    expect(db.prepare(`SELECT remote_id, paid_at, sent_at FROM invoices ORDER BY remote_id`).all()).toEqual([
      { remote_id: 'draft', paid_at: null, sent_at: null },
      { remote_id: 'other', paid_at: null, sent_at: null },
      { remote_id: 'paid', paid_at: '2025-04-01T01:30:00.000Z', sent_at: '2025-03-01T09:00:00.000Z' }
    ])
    db.close()
  })
})
