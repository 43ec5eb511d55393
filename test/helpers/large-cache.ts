import Database from 'better-sqlite3'
import { loadMigrations, migrate } from '../../main/db/migrate'
import { defaultMigrationsDir } from '../../main/db/open-database'

/** The accounts of the generated cache; invoice n belongs to ACCOUNTS[n % 4]. */
export const LARGE_CACHE_ACCOUNTS = [
  { id: '00000000-0000-4000-8000-000000000001', provider: 'caresquare', name: 'Plan Partners' },
  { id: '00000000-0000-4000-8000-000000000002', provider: 'yeti', name: 'Telco Billing' },
  { id: '00000000-0000-4000-8000-000000000003', provider: 'hoursmith', name: 'Finch Studio' },
  { id: '00000000-0000-4000-8000-000000000004', provider: 'lynkwell', name: 'Charge Depot' }
] as const

export const LARGE_CACHE_COUNTERPARTIES = [
  'Zoë Café GmbH',
  'Acme Pty Ltd',
  'Northwind Traders',
  'Globex Corporation',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Foundation',
  'Blue Harbour Dental',
  'Kookaburra Physio',
  'Müller & Söhne KG',
  'Sunrise Support Services',
  'O’Brien Electrical',
  'Les Deux Magots',
  'Harbourside Plumbing',
  'Tidewater Freight'
]

/**
 * A cache of `count` invoices across four accounts, written directly in SQL (one INSERT … SELECT
 * over a recursive sequence per table, in one transaction) so a million rows take seconds, not a
 * sync. Values are arithmetic on the row number, so every run builds the same cache: amounts
 * with cents that would drift as floats, ~1% tombstones, four currencies, due dates around
 * `today`, PDFs on every third, two line items on every other invoice.
 */
export function buildLargeCache(file: string, count: number, migrationsDir?: string): Database.Database {
  const migrations = loadMigrations(migrationsDir ?? defaultMigrationsDir)
  const db = new Database(file)
  // Rows first, then the later migrations' indexes: building an index by sorting once is far
  // faster than growing a dozen of them one random insert at a time.
  migrate(db, migrations.slice(0, 1), null)
  // A throwaway fixture: no journal while building (the WAL would hold the whole file twice).
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -400000')
  const accounts = JSON.stringify(LARGE_CACHE_ACCOUNTS)
  const names = JSON.stringify(LARGE_CACHE_COUNTERPARTIES)
  db.transaction(() => {
    db.prepare(
      `INSERT INTO accounts (id, provider, name, base_url, options, created_at)
       SELECT value ->> 'id', value ->> 'provider', value ->> 'name', 'http://127.0.0.1:1', '{}', '2026-01-01T00:00:00Z'
       FROM json_each(?)`
    ).run(accounts)
    db.prepare(
      `WITH RECURSIVE
         seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < @count),
         acct(k, id) AS MATERIALIZED (SELECT key, value ->> 'id' FROM json_each(@accounts)),
         names(k, name) AS MATERIALIZED (SELECT key, value FROM json_each(@names)),
         rows AS (
           SELECT n, (n * 2654435761) % 1000 AS h, (n * 104729) % 10000000 AS cents,
             date('2021-01-01', '+' || ((n * 37) % 1900) || ' days') AS issued
           FROM seq)
       INSERT INTO invoices (id, account_id, remote_id, number, status, raw_status, counterparty, notes, issue_date,
         due_date, period_start, period_end, currency, subtotal, tax, total, paid, total_scaled, has_pdf,
         line_item_count, removed, seen_walk, raw, synced_at)
       SELECT n, acct.id, printf('r%07d', n), printf('INV-%07d', n),
         CASE WHEN h < 50 THEN 'draft' WHEN h < 400 THEN 'open' WHEN h < 900 THEN 'paid' WHEN h < 950 THEN 'void' ELSE 'unknown' END,
         NULL, names.name, CASE WHEN n % 10 = 0 THEN 'Quarterly retainer, ref ' || (n % 1000) END, issued,
         CASE WHEN n % 20 = 0 THEN NULL ELSE date(issued, '+30 days') END,
         CASE WHEN n % 4 = 2 THEN date(issued, '-1 month') END, CASE WHEN n % 4 = 2 THEN date(issued, '-1 day') END,
         CASE (n * 7) % 10 WHEN 0 THEN 'USD' WHEN 1 THEN 'USD' WHEN 2 THEN 'AUD' WHEN 3 THEN 'GBP' ELSE 'EUR' END,
         NULL, NULL, printf('%d.%02d', cents / 100, cents % 100),
         CASE WHEN h >= 400 AND h < 900 THEN printf('%d.%02d', cents / 100, cents % 100) WHEN h < 400 THEN '0.00' END,
         cents * 100, n % 3 = 0, CASE WHEN n % 2 = 0 THEN 2 ELSE 0 END, n % 97 = 0, 1,
         json_object('id', printf('r%07d', n), 'number', printf('INV-%07d', n), 'customer', names.name,
           'lines', json_array(json_object('text', 'Consulting hours'), json_object('text', 'Travel')),
           'meta', printf('%.300c', 'x')),
         '2026-11-20T08:00:00Z'
       FROM rows JOIN acct ON acct.k = n % 4 JOIN names ON names.k = (n * 7919) % ${LARGE_CACHE_COUNTERPARTIES.length}`
    ).run({ count, accounts, names })
    db.prepare(
      `INSERT INTO line_items (invoice_id, position, description, quantity, unit_price, amount)
       SELECT id, p.position, p.description, '1', total, CASE p.position WHEN 0 THEN total ELSE '0.00' END
       FROM invoices, (SELECT 0 AS position, 'Consulting hours' AS description UNION ALL SELECT 1, 'Travel to site') p
       WHERE line_item_count = 2`
    ).run()
    db.prepare(
      `INSERT INTO invoice_fts (rowid, number, counterparty, notes, lines)
       SELECT id, number, counterparty, notes, CASE WHEN line_item_count = 2 THEN 'Consulting hours' || char(10) || 'Travel to site' END
       FROM invoices`
    ).run()
  })()
  migrate(db, migrations, null)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  return db
}

/** Invoice n of the generated cache, computed in JS from the same arithmetic: the tests' oracle. */
export function fixtureInvoice(n: number) {
  const h = (n * 2654435761) % 1000
  const cents = (n * 104729) % 10_000_000
  const issued = addDays('2021-01-01', (n * 37) % 1900)
  const currencyDigit = (n * 7) % 10
  return {
    id: n,
    accountId: LARGE_CACHE_ACCOUNTS[n % 4]!.id,
    provider: LARGE_CACHE_ACCOUNTS[n % 4]!.provider,
    remoteId: `r${String(n).padStart(7, '0')}`,
    number: `INV-${String(n).padStart(7, '0')}`,
    status: h < 50 ? 'draft' : h < 400 ? 'open' : h < 900 ? 'paid' : h < 950 ? 'void' : 'unknown',
    counterparty: LARGE_CACHE_COUNTERPARTIES[(n * 7919) % LARGE_CACHE_COUNTERPARTIES.length]!,
    issueDate: issued,
    dueDate: n % 20 === 0 ? null : addDays(issued, 30),
    currency: currencyDigit <= 1 ? 'USD' : currencyDigit === 2 ? 'AUD' : currencyDigit === 3 ? 'GBP' : 'EUR',
    cents,
    total: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    hasPdf: n % 3 === 0,
    lineItems: n % 2 === 0 ? 2 : 0,
    removed: n % 97 === 0
  }
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
