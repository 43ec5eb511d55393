import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportRequest, InvoiceQuery, MAX_EXPORT_SELECTION, type InvoiceKey } from '../../preload/contract'
import { createCore, type Core } from '../../main/app/create-core'
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import type { DesktopShell } from '../../main/pdfs/desktop-shell'
import { parseCsv } from '../helpers/csv'
import { cliInProcess } from '../helpers/cli-in-process'
import { fakeClock } from '../helpers/fake-clock'
import { buildLargeCache } from '../helpers/large-cache'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'

/** Issue #19's "rows out": only the picked rows, the delimiter a spreadsheet expects, and opening the file. */
describe('getting rows out of the grid', () => {
  let dir: ReturnType<typeof tempDir>
  let core: Core
  let dispatch: Dispatch
  const opened: string[] = []
  const desktop: DesktopShell = {
    openPath: async (path) => {
      opened.push(path)
      return ''
    },
    showItemInFolder: (path) => opened.push(`shown in folder: ${path}`),
    chooseSavePath: async () => null
  }

  beforeAll(async () => {
    dir = tempDir()
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), 400)
    db.prepare(`UPDATE invoices SET counterparty = 'Dupont; Fils & Cie' WHERE id = 6`).run()
    db.close()
    core = await createCore({
      dataDir: dir.path,
      secrets: new MemorySecrets(),
      clock: fakeClock(new Date('2024-06-01T12:00:00')),
      exportDir: join(dir.path, 'exports'),
      desktop
    })
    dispatch = createDispatch(createHandlers(core, 'test'))
  })
  afterAll(async () => {
    await core?.close()
    dir?.remove()
  })

  async function call(method: string, input: unknown): Promise<Record<string, unknown>> {
    const result = await dispatch(method, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as Record<string, unknown>
  }

  it('exports only the picked rows, in the list’s order, and only those the query still matches', async () => {
    const listing = { sort: { column: 'total', direction: 'desc' } } as const
    const page = core.invoices.list(InvoiceQuery.parse({ ...listing, limit: 50 })).items
    const picked: InvoiceKey[] = [page[30]!, page[2]!, page[11]!].map(({ accountId, remoteId }) => ({ accountId, remoteId }))
    const done = await call('invoices.exportCsv', { query: listing, selection: [...picked, picked[0]!] })
    expect(done).toMatchObject({ invoices: 3, rows: 3, desktop: true })
    const [header, ...rows] = parseCsv(readFileSync(done.path as string, 'utf8'))
    expect(rows.map((row) => row[header!.indexOf('remote_id')])).toEqual([page[2]!.remoteId, page[11]!.remoteId, page[30]!.remoteId])

    // A picked row the query no longer matches (another status, here) is not written.
    const status = page[2]!.status
    const narrowed = await call('invoices.exportCsv', { query: { ...listing, status }, selection: picked })
    const kept = parseCsv(readFileSync(narrowed.path as string, 'utf8')).slice(1)
    expect(kept.every((row) => row[header!.indexOf('status')] === status)).toBe(true)
    expect(kept.length).toBe(picked.filter((key) => page.find((item) => item.remoteId === key.remoteId)!.status === status).length)
  })

  it('bounds the keys a selection sends, and asks for the filter instead of an empty one', async () => {
    const key = { accountId: '00000000-0000-4000-8000-000000000001', remoteId: 'r0000004' }
    const tooMany = await dispatch('invoices.exportCsv', { query: {}, selection: Array(MAX_EXPORT_SELECTION + 1).fill(key) })
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('invoices.exportCsv', { query: {}, selection: [] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await dispatch('invoices.exportCsv', { query: {}, delimiter: '|' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('writes with a semicolon or a tab, quoting by the delimiter in use, and remembers the app’s choice', async () => {
    const semicolon = await call('invoices.exportCsv', {
      query: { accountId: '00000000-0000-4000-8000-000000000003' },
      delimiter: 'semicolon'
    })
    const text = readFileSync(semicolon.path as string, 'utf8')
    expect(text.split('\r\n')[0]).toMatch(/^account;provider;remote_id;/)
    expect(text).toContain('"Dupont; Fils & Cie"')
    const rows = parseCsv(text, ';')
    expect(rows.slice(1)).toHaveLength(semicolon.invoices as number)
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true)

    const tab = await call('invoices.exportCsv', { query: {}, delimiter: 'tab' })
    expect(parseCsv(readFileSync(tab.path as string, 'utf8'), '\t').slice(1)).toHaveLength(tab.invoices as number)

    expect(await call('settings.get', {})).toMatchObject({ csvDelimiter: 'comma' })
    expect(await call('settings.update', { csvDelimiter: 'semicolon' })).toMatchObject({ csvDelimiter: 'semicolon' })
    expect(core.settings.get().csvDelimiter).toBe('semicolon')
    expect(await dispatch('settings.update', { csvDelimiter: 'pipe' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('opens an export, or shows it selected in its folder, by the id main gave it and never by a path', async () => {
    const done = await call('invoices.exportCsv', { query: { status: 'paid' } })
    opened.length = 0
    await call('invoices.openExport', { id: done.id })
    await call('invoices.openExport', { id: done.id, folder: true })
    expect(opened).toEqual([done.path, `shown in folder: ${done.path}`])
    expect(await dispatch('invoices.openExport', { id: 99_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await dispatch('invoices.openExport', { id: done.id, path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    expect(opened).toHaveLength(2)
  })

  it('says where the file is when there is no desktop to open it', async () => {
    const other = tempDir()
    const headless = await createCore({ dataDir: other.path, secrets: new MemorySecrets(), exportDir: join(other.path, 'exports') })
    try {
      const done = await headless.exports.toFile(ExportRequest.parse({ query: {} }))
      expect(done.desktop).toBe(false)
      await expect(headless.exports.open(done.id, true)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining(done.path)
      })
    } finally {
      await headless.close()
      other.remove()
    }
  })

  it('takes --delimiter on the command line, a comma unless asked', async () => {
    const quire = (...args: string[]): ReturnType<typeof cliInProcess> => cliInProcess(dir.path, new MemorySecrets(), args)
    const semicolon = await quire('export', '--delimiter', 'semicolon', '--account', 'Finch Studio')
    expect(semicolon.code).toBe(0)
    expect(semicolon.stdout).toContain('"Dupont; Fils & Cie"')
    expect(parseCsv(semicolon.stdout, ';')[0]!.slice(0, 3)).toEqual(['account', 'provider', 'remote_id'])
    expect((await quire('export', '--account', 'Finch Studio')).stdout.split('\r\n')[0]).toMatch(/^account,provider,remote_id,/)
    expect(await quire('export', '--delimiter', 'pipe')).toMatchObject({ code: 2, stderr: expect.stringContaining('--delimiter') })
    expect(await quire('export', '--format', 'zip', '--out', join(dir.path, 'x.zip'), '--delimiter', 'tab')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--delimiter are for CSV')
    })
  })
})
