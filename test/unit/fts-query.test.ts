import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { ftsQuery } from '../../main/db/fts-query'

describe('search text to FTS5 query', () => {
  it('makes every word a quoted prefix, all required', () => {
    expect(ftsQuery('inv 00')).toBe('"inv"* AND "00"*')
    expect(ftsQuery('   ')).toBeNull()
    expect(ftsQuery('- * ()')).toBeNull()
  })

  it('never lets typed operators or quotes reach FTS5 as syntax', () => {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, b); INSERT INTO t VALUES ('NEAR the OR-gate', 'x"y')`)
    const search = (text: string): number =>
      (db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?').get(ftsQuery(text)) as { n: number }).n
    for (const hostile of ['NEAR(', 'a:b', '"unbalanced', 'OR', 'x"y', '^the', 'b : x', '*'].filter((t) => ftsQuery(t) !== null)) {
      expect(() => search(hostile), hostile).not.toThrow()
    }
    expect(search('or gate')).toBe(1)
    db.close()
  })
})
