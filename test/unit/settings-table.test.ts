import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SettingsTable } from '../../main/db/settings-table'

describe('the settings table', () => {
  it('reads each key through its schema, falling back to the default for a missing, invalid or hand-broken value', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
    const table = new SettingsTable(db)
    const minutes = z.number().int().min(0).default(15)
    expect(table.read('interval', minutes)).toBe(15)
    table.write('interval', 60)
    expect(table.read('interval', minutes)).toBe(60)
    table.write('interval', -3)
    expect(table.read('interval', minutes)).toBe(15)
    db.prepare(`UPDATE settings SET value = ? WHERE key = ?`).run('{not json', 'interval')
    expect(table.read('interval', minutes)).toBe(15)
    db.close()
  })
})
