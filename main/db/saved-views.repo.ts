import type { Database } from 'better-sqlite3'
import { SavedViewState, type SavedView } from '../../preload/contract'

interface ViewRow {
  id: number
  name: string
  state: string
  updated_at: string
}

/**
 * Named views (filter + sort + columns). The state is checked against the contract on the way
 * in and again on the way out: a view written by another version that no longer parses is left
 * out of the list rather than breaking it.
 */
export class SavedViewsRepo {
  private readonly listStmt
  private readonly upsertStmt
  private readonly deleteStmt

  constructor(db: Database) {
    this.listStmt = db.prepare<[], ViewRow>(`SELECT id, name, state, updated_at FROM saved_views ORDER BY name COLLATE NOCASE`)
    this.upsertStmt = db.prepare<{ name: string; state: string; at: string }, ViewRow>(
      `INSERT INTO saved_views (name, state, created_at, updated_at) VALUES (@name, @state, @at, @at)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name, state = excluded.state, updated_at = excluded.updated_at
       RETURNING id, name, state, updated_at`
    )
    this.deleteStmt = db.prepare<[number]>(`DELETE FROM saved_views WHERE id = ?`)
  }

  list(): SavedView[] {
    return this.listStmt.all().flatMap((row) => {
      const view = toView(row)
      return view ? [view] : []
    })
  }

  /** Replaces the view of the same name (ignoring case), keeping its id. */
  save(name: string, state: SavedViewState, at: string): SavedView {
    const row = this.upsertStmt.get({ name, state: JSON.stringify(SavedViewState.parse(state)), at })!
    return toView(row)!
  }

  remove(id: number): boolean {
    return this.deleteStmt.run(id).changes > 0
  }
}

function toView(row: ViewRow): SavedView | null {
  const state = SavedViewState.safeParse(JSON.parse(row.state))
  return state.success ? { id: row.id, name: row.name, state: state.data, updatedAt: row.updated_at } : null
}
