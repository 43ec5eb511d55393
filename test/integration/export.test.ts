import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportRequest, InvoiceQuery, type ExportProgress } from '../../preload/contract'
import type { Core } from '../../main/app/create-core'
import { EventHub } from '../../main/base/events'
import { ExportService } from '../../main/services/export.service'
import { parseCsv } from '../helpers/csv'
import { fakeClock } from '../helpers/fake-clock'
import { buildLargeCache, fixtureInvoice } from '../helpers/large-cache'
import { MemorySecrets } from '../helpers/memory-secrets'
import { cliInProcess } from '../helpers/cli-in-process'
import { tempDir } from '../helpers/temp-dir'
import { openTestCore, type TestCore } from '../helpers/test-core'

const COUNT = 5_000
const HOSTILE = '=HYPERLINK("http://evil.example","Pay here")'

describe('CSV export of the whole filtered set', () => {
  let dir: ReturnType<typeof tempDir>
  let testCore: TestCore
  let core: Core
  let exports: ExportService
  const clock = fakeClock(new Date('2024-06-01T12:00:00'))

  beforeAll(async () => {
    dir = tempDir()
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT)
    db.prepare(`UPDATE invoices SET counterparty = ?, notes = 'line one\nline "two", three' WHERE id = 6`).run(HOSTILE)
    db.prepare(`UPDATE invoices SET total = '-12.50', total_scaled = -125000 WHERE id = 8`).run()
    db.prepare(`UPDATE line_items SET description = '@SUM(A1:A9)' WHERE invoice_id = 8 AND position = 1`).run()
    db.close()
    // The cache is built before the core opens on it: the fixture gets the dir, the test keeps it.
    testCore = await openTestCore({ dataDir: dir.path, clock, exportDir: join(dir.path, 'exports') })
    core = testCore.core
    exports = new ExportService(join(dir.path, 'quire.sqlite3'), clock, new EventHub(), join(dir.path, 'exports'))
  })
  afterAll(async () => {
    await testCore?.close()
    dir?.remove()
  })

  async function exported(
    input: Record<string, unknown>,
    onProgress?: (p: ExportProgress) => void
  ): Promise<{ text: string; rows: string[][]; counts: { rows: number; invoices: number } }> {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (chunk: Buffer) => chunks.push(chunk))
    const counts = await exports.write(ExportRequest.parse(input), out, { onProgress })
    const text = Buffer.concat(chunks).toString('utf8')
    return { text, rows: parseCsv(text.replace(/^\uFEFF/, '')), counts }
  }

  it('writes every matching invoice in the list’s order, one row each, safe to open in a spreadsheet', async () => {
    const { text, rows, counts } = await exported({ query: {} })
    const live = Array.from({ length: COUNT }, (_, i) => fixtureInvoice(i + 1)).filter((f) => !f.removed)
    expect(text.startsWith('\uFEFF')).toBe(false)
    const [header, ...data] = rows
    expect(header).toEqual(
      expect.arrayContaining([
        'account',
        'provider',
        'remote_id',
        'number',
        'status',
        'overdue',
        'counterparty',
        'currency',
        'total',
        'paid',
        'has_pdf'
      ])
    )
    expect(data).toHaveLength(live.length)
    expect(counts).toEqual({ rows: live.length, invoices: live.length })
    const column = (name: string) => header!.indexOf(name)
    const list = core.invoices.list(InvoiceQuery.parse({ limit: 500 })).items
    expect(data.slice(0, 500).map((row) => row[column('remote_id')])).toEqual(list.map((item) => item.remoteId))

    const hostile = data.find((row) => row[column('remote_id')] === 'r0000006')!
    expect(hostile[column('counterparty')]).toBe(`'${HOSTILE}`)
    expect(hostile[column('notes')]).toBe('line one\nline "two", three')
    expect(data.find((row) => row[column('remote_id')] === 'r0000008')![column('total')]).toBe('-12.50')
    expect(data.filter((row) => row.some((cell) => /^[=+@]/.test(cell)))).toEqual([])
  })

  it('writes one row per line item at line level, keeping invoices without lines', async () => {
    const { rows, counts } = await exported({ query: { status: 'open' }, level: 'line', bom: true })
    const open = Array.from({ length: COUNT }, (_, i) => fixtureInvoice(i + 1)).filter((f) => !f.removed && f.status === 'open')
    const [header, ...data] = rows
    expect(header!.slice(-5)).toEqual(['line', 'line_description', 'line_quantity', 'line_unit_price', 'line_amount'])
    expect(counts).toEqual({ invoices: open.length, rows: open.reduce((sum, f) => sum + Math.max(1, f.lineItems), 0) })
    expect(data).toHaveLength(counts.rows)
    const lines = data.filter((row) => row[header!.indexOf('remote_id')] === 'r0000008').map((row) => row.slice(-5))
    const { total } = fixtureInvoice(8)
    expect(lines).toEqual([
      ['1', 'Consulting hours', '1', total, total],
      ['2', "'@SUM(A1:A9)", '1', total, '0.00']
    ])
    const noLines = open.find((f) => f.lineItems === 0)!
    expect(data.filter((row) => row[header!.indexOf('remote_id')] === noLines.remoteId).map((row) => row.slice(-5))).toEqual([
      ['', '', '', '', '']
    ])
  })

  it('starts with a byte order mark when asked, and reports progress up to the total', async () => {
    const progress: ExportProgress[] = []
    const { text } = await exported({ query: { includeRemoved: true }, bom: true }, (p) => progress.push(p))
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(progress[0]).toEqual({ written: 0, total: COUNT })
    expect(progress.at(-1)).toEqual({ written: COUNT, total: COUNT })
    expect(progress.every((p, i) => i === 0 || p.written >= progress[i - 1]!.written)).toBe(true)
  })

  it('puts a finished file in the export folder, and leaves nothing behind when cancelled', async () => {
    const done = await core.exports.toFile(
      ExportRequest.parse({ query: { provider: 'yeti', sort: { column: 'total', direction: 'desc' } } })
    )
    expect(done.path).toMatch(/quire-invoices-20240601-1200\.csv$/)
    const rows = parseCsv(readFileSync(done.path, 'utf8')).slice(1)
    expect(rows).toHaveLength(done.invoices)
    const totals = rows.map((row) => Number(row[16]))
    expect(totals).toEqual([...totals].sort((a, b) => b - a))

    const second = core.exports.toFile(ExportRequest.parse({ query: {}, level: 'line' }))
    await expect(core.exports.toFile(ExportRequest.parse({ query: {} }))).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(core.exports.cancel()).toBe(true)
    await expect(second).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(readdirSync(join(dir.path, 'exports'))).toEqual(['quire-invoices-20240601-1200.csv'])
  })

  describe('from the CLI, with the same filters as invoices list', () => {
    const quire = (...args: string[]): ReturnType<typeof cliInProcess> => cliInProcess(dir.path, new MemorySecrets(), args)

    it('exports to a file, or to standard output, exactly what invoices list shows', async () => {
      const filters = ['--currency', 'eur', '--min-total', '1.000,00', '--max-total', '30,000.5', '--sort', 'counterparty:desc', '--no-pdf']
      const listed = JSON.parse((await quire('invoices', 'list', ...filters, '--all', '--json')).stdout) as {
        total: number
        items: { remoteId: string; total: string; currency: string; hasPdf: boolean }[]
      }
      expect(listed.total).toBeGreaterThan(100)
      expect(
        listed.items.every((item) => item.currency === 'EUR' && !item.hasPdf && Number(item.total) >= 1000 && Number(item.total) <= 30000.5)
      ).toBe(true)

      const out = join(dir.path, 'eur.csv')
      const toFile = await quire('export', '--format', 'csv', '--out', out, '--bom', ...filters)
      expect(toFile).toMatchObject({ code: 0, stderr: `Exported ${listed.total} invoices (${listed.total} rows) to ${out}\n` })
      const file = readFileSync(out, 'utf8')
      expect(file.startsWith('\uFEFF')).toBe(true)
      expect(
        parseCsv(file.slice(1))
          .slice(1)
          .map((row) => row[2])
      ).toEqual(listed.items.map((item) => item.remoteId))
      expect(existsSync(`${out}.partial`)).toBe(false)

      const toStdout = await quire('export', '--level', 'line', '--search', 'zoë', '--status', 'paid')
      expect(toStdout.code).toBe(0)
      const rows = parseCsv(toStdout.stdout).slice(1)
      expect(rows.length).toBeGreaterThan(10)
      expect(rows.every((row) => row[8] === 'Zoë Café GmbH' && row[4] === 'paid')).toBe(true)
    })

    it('refuses what it cannot do exactly, with usage', async () => {
      expect(await quire('export', '--format', 'xlsx')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--format: expected csv or zip')
      })
      expect(await quire('invoices', 'list', '--min-total', '1,234')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('could mean 1234 or 1.234')
      })
      expect(await quire('invoices', 'list', '--sort', 'colour')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--sort: expected COLUMN[:asc|desc]')
      })
      expect(await quire('export', '--issued-from', '1/6/2024')).toMatchObject({
        code: 2,
        stderr: expect.stringContaining('--issued-from')
      })
    })
  })
})
