import type Database from 'better-sqlite3'

/**
 * SQLite's plan for `sql` (EXPLAIN QUERY PLAN), one step's detail a line, for a test to look for
 * the index it expects or the scan and sort it must not find. `params` are bound as `all` binds them.
 */
export function queryPlan(db: Database.Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail).join('\n')
}
