import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { SavedViewState, type LaunchView, type SavedView } from '../../preload/contract'
import { SettingsTable } from './settings-table'

/** Settings keys: the default view's id, and the state last on screen (for launch without a default). */
const DEFAULT_KEY = 'views.default'
const LAST_KEY = 'views.last'
const DefaultId = z.number().int().positive().nullable().default(null)
const LastState = SavedViewState.nullable().default(null)

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
  private readonly existsStmt
  private readonly settings

  constructor(db: Database) {
    this.listStmt = db.prepare<[], ViewRow>(`SELECT id, name, state, updated_at FROM saved_views ORDER BY name COLLATE NOCASE`)
    this.upsertStmt = db.prepare<{ name: string; state: string; at: string }, ViewRow>(
      `INSERT INTO saved_views (name, state, created_at, updated_at) VALUES (@name, @state, @at, @at)
       ON CONFLICT (name) DO UPDATE SET name = excluded.name, state = excluded.state, updated_at = excluded.updated_at
       RETURNING id, name, state, updated_at`
    )
    this.deleteStmt = db.prepare<[number]>(`DELETE FROM saved_views WHERE id = ?`)
    this.existsStmt = db.prepare<[number], { id: number }>(`SELECT id FROM saved_views WHERE id = ?`)
    this.settings = new SettingsTable(db)
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

  /** Deleting the default view leaves no default (not a dangling id a new view could take). */
  remove(id: number): boolean {
    const removed = this.deleteStmt.run(id).changes > 0
    if (removed && this.settings.read(DEFAULT_KEY, DefaultId) === id) this.settings.write(DEFAULT_KEY, null)
    return removed
  }

  /** The default view (when it still exists) and the state last on screen. */
  launch(): LaunchView {
    const id = this.settings.read(DEFAULT_KEY, DefaultId)
    return { defaultViewId: id !== null && this.existsStmt.get(id) ? id : null, last: this.settings.read(LAST_KEY, LastState) }
  }

  /** An id no view has sets no default. */
  setDefault(id: number | null): number | null {
    const next = id !== null && this.existsStmt.get(id) ? id : null
    this.settings.write(DEFAULT_KEY, next)
    return next
  }

  rememberLast(state: SavedViewState): void {
    this.settings.write(LAST_KEY, SavedViewState.parse(state))
  }
}

function toView(row: ViewRow): SavedView | null {
  const state = SavedViewState.safeParse(JSON.parse(row.state))
  return state.success ? { id: row.id, name: row.name, state: state.data, updatedAt: row.updated_at } : null
}
