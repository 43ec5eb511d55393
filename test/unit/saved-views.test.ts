import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SavedViewState } from '../../preload/contract'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { openTestCore, type TestCore } from '../helpers/test-core'

const overdueByTotal: SavedViewState = {
  filter: { status: 'overdue', currency: 'EUR', total: { min: '1000' }, includeRemoved: false },
  sort: { column: 'total', direction: 'desc' },
  columns: { order: ['number', 'counterparty', 'dueDate', 'total'], hidden: ['provider'], widths: { counterparty: 320 } }
}

describe('saved views', () => {
  let testCore: TestCore
  let core: Core
  let dispatch: Dispatch

  beforeAll(async () => {
    testCore = await openTestCore({ clock: systemClock })
    core = testCore.core
    dispatch = createDispatch(createHandlers(core, 'test'))
  })
  afterAll(() => testCore.close())

  it('saves a filter, sort and columns under a name, replaces it by name, and removes it', async () => {
    const saved = await dispatch('views.save', { name: 'Overdue EUR', state: overdueByTotal })
    expect(saved).toMatchObject({ ok: true, value: { name: 'Overdue EUR', state: overdueByTotal } })
    await dispatch('views.save', { name: 'All, newest', state: { ...overdueByTotal, filter: { includeRemoved: false } } })
    const replaced = await dispatch('views.save', {
      name: 'overdue eur',
      state: { ...overdueByTotal, sort: { column: 'dueDate', direction: 'asc' } }
    })
    expect(replaced).toMatchObject({ ok: true, value: { id: (saved as { value: { id: number } }).value.id, name: 'overdue eur' } })

    const listed = await dispatch('views.list', {})
    expect(listed).toMatchObject({
      ok: true,
      value: [{ name: 'All, newest' }, { name: 'overdue eur', state: { sort: { column: 'dueDate' } } }]
    })

    expect(await dispatch('views.remove', { id: (saved as { value: { id: number } }).value.id })).toEqual({
      ok: true,
      value: { removed: true }
    })
    expect(await dispatch('views.remove', { id: 9999 })).toEqual({ ok: true, value: { removed: false } })
    expect(((await dispatch('views.list', {})) as { value: unknown[] }).value).toHaveLength(1)
  })

  it('refuses a state that is not a view, and skips a stored one that no longer parses', async () => {
    const bad = await dispatch('views.save', { name: 'x', state: { ...overdueByTotal, sort: { column: 'colour', direction: 'asc' } } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('views.save', { name: '  ', state: overdueByTotal })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })

    const db = new Database(join(testCore.dir.path, 'quire.sqlite3'))
    db.prepare(
      `INSERT INTO saved_views (name, state, created_at, updated_at) VALUES ('From the future', '{"filter":{"mood":"happy"}}', 'now', 'now')`
    ).run()
    db.close()
    const listed = (await dispatch('views.list', {})) as { ok: true; value: { name: string }[] }
    expect(listed.value.map((view) => view.name)).toEqual(['All, newest'])
  })

  it('keeps a default view and the state last on screen for the next launch', async () => {
    expect(await dispatch('views.launch', {})).toEqual({ ok: true, value: { defaultViewId: null, last: null } })
    const saved = (await dispatch('views.save', { name: 'Default one', state: overdueByTotal })) as { value: { id: number } }
    expect(await dispatch('views.setDefault', { id: saved.value.id })).toEqual({ ok: true, value: { defaultViewId: saved.value.id } })
    // An id no view has sets none; a bad one is refused.
    expect(await dispatch('views.setDefault', { id: 9999 })).toEqual({ ok: true, value: { defaultViewId: null } })
    expect(await dispatch('views.setDefault', { id: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await dispatch('views.setDefault', { id: saved.value.id })

    expect(await dispatch('views.rememberLast', { state: overdueByTotal })).toEqual({ ok: true, value: { remembered: true } })
    expect(await dispatch('views.rememberLast', { state: { ...overdueByTotal, sort: { column: 'x' } } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    expect(await dispatch('views.launch', {})).toEqual({ ok: true, value: { defaultViewId: saved.value.id, last: overdueByTotal } })

    // Deleting the default view leaves no default.
    await dispatch('views.remove', { id: saved.value.id })
    expect(await dispatch('views.launch', {})).toMatchObject({ ok: true, value: { defaultViewId: null } })
  })
})
