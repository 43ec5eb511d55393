import { once } from 'node:events'
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import Database from 'better-sqlite3'
import type { ExportProgress, ExportRequest, ExportResult } from '../../preload/contract'
import type { Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { EventHub } from '../base/events'
import { exportCountSql, exportSql } from '../db/invoice-filter-sql'
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../storage/private-files'
import { csvHeader, csvRow, UTF8_BOM, type ExportRow } from './export-csv'
import { localIsoDate } from '../../preload/contract/local-date'

/** Rows between chances for the app to answer other calls and for progress to be reported. */
const BATCH_ROWS = 2_000
const FLUSH_CHARS = 64 * 1024
/** Exports of this session the banner can still open by id; older ones are forgotten first. */
const KEPT_EXPORTS = 50

/**
 * What exports need of the desktop shell (main/pdfs/desktop-shell.ts, which satisfies
 * this): named here because main/pdfs already builds on this folder's CSV writer.
 */
export interface FileOpener {
  /** '' on success, else the system's message. */
  openPath(path: string): Promise<string>
  showItemInFolder(path: string): void
}

export interface ExportOptions {
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
}

/**
 * CSV export of the whole filtered set (or the rows picked in it), streamed. It reads on its own read-only connection, in
 * one read transaction, so the file is one consistent snapshot while syncs and the grid go on
 * using the main connection; rows go out in batches with backpressure, so memory stays flat
 * however large the cache.
 */
export class ExportService {
  private running: AbortController | null = null
  /** Id → path of the files toFile wrote: the only paths "Open" and "Show in folder" ever open. */
  private readonly written = new Map<number, string>()
  private lastId = 0

  constructor(
    private readonly dbFile: string,
    private readonly clock: Clock,
    private readonly events: EventHub,
    private readonly exportDir: string,
    /** The system's file opener: only the desktop app has one. */
    private readonly desktop: FileOpener | null = null
  ) {}

  async write(
    request: ExportRequest,
    out: NodeJS.WritableStream,
    options: ExportOptions = {}
  ): Promise<Pick<ExportResult, 'rows' | 'invoices'>> {
    const today = localIsoDate(this.clock.now())
    const reader = new Database(this.dbFile, { readonly: true, fileMustExist: true })
    let iterator: IterableIterator<unknown> | null = null
    try {
      reader.exec('BEGIN')
      const count = exportCountSql(request.query, today, request.selection)
      const total = reader.prepare(count.sql).pluck().get(count.params) as number
      const { sql, params } = exportSql(request.query, request.level, today, request.selection)
      iterator = reader.prepare(sql).iterate(params)
      let buffer = (request.bom ? UTF8_BOM : '') + csvHeader(request.level, request.delimiter)
      let rows = 0
      let invoices = 0
      let lastId: number | null = null
      options.onProgress?.({ written: 0, total })
      for (const value of iterator) {
        const row = value as ExportRow
        if (row.id !== lastId) {
          invoices++
          lastId = row.id
        }
        buffer += csvRow(row, request.level, today, request.delimiter)
        rows++
        if (buffer.length >= FLUSH_CHARS) {
          await send(out, buffer)
          buffer = ''
        }
        if (rows % BATCH_ROWS === 0) {
          await yieldToEventLoop()
          if (options.signal?.aborted) throw new AppError('CANCELLED', 'The export was cancelled.')
          options.onProgress?.({ written: invoices, total })
        }
      }
      await send(out, buffer)
      options.onProgress?.({ written: invoices, total })
      return { rows, invoices }
    } finally {
      iterator?.return?.()
      reader.close()
    }
  }

  /** Writes a new file in the export folder, with progress pushed as `export.progress`; one at a time. */
  async toFile(request: ExportRequest): Promise<ExportResult> {
    if (this.running) throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish, or cancel it.')
    const controller = new AbortController()
    this.running = controller
    mkdirSync(this.exportDir, { recursive: true, mode: PRIVATE_DIR_MODE })
    const path = this.freshPath(request.level)
    const partial = `${path}.partial`
    try {
      // The Downloads folder is the person's to set; the export itself is theirs alone.
      const file = createWriteStream(partial, { flags: 'wx', mode: PRIVATE_FILE_MODE })
      const finished = once(file, 'close')
      let counts
      try {
        counts = await this.write(request, file, { signal: controller.signal, onProgress: (p) => this.events.emit('export.progress', p) })
      } finally {
        file.end()
        await finished
      }
      renameSync(partial, path)
      const id = ++this.lastId
      this.written.set(id, path)
      if (this.written.size > KEPT_EXPORTS) this.written.delete(this.written.keys().next().value!)
      return { id, path, ...counts, desktop: this.desktop !== null }
    } catch (error) {
      rmSync(partial, { force: true })
      throw error
    } finally {
      this.running = null
    }
  }

  /** Opens an export of this session with the system's default app, or shows it selected in its folder. */
  async open(id: number, folder: boolean): Promise<void> {
    const path = this.written.get(id)
    if (path === undefined) throw new AppError('NOT_FOUND', `That export is no longer known. Exports are written to ${this.exportDir}`)
    if (!this.desktop)
      throw new AppError('FORBIDDEN', `Opening ${folder ? 'a folder' : 'a file'} needs the Quire desktop app. The export is at ${path}`)
    if (!existsSync(path)) throw new AppError('NOT_FOUND', `The export is no longer at ${path}: it was moved or deleted.`)
    if (folder) return this.desktop.showItemInFolder(path)
    const problem = await this.desktop.openPath(path)
    if (problem) throw new AppError('NOT_FOUND', `The system could not open the file (${problem}). It is at ${path}`)
  }

  cancel(): boolean {
    if (!this.running) return false
    this.running.abort()
    return true
  }

  /** quire-invoices-20261123-0930.csv, never overwriting an earlier export. */
  private freshPath(level: ExportRequest['level']): string {
    const now = this.clock.now()
    const pad = (n: number): string => String(n).padStart(2, '0')
    const stamp = `${localIsoDate(now).replace(/-/g, '')}-${pad(now.getHours())}${pad(now.getMinutes())}`
    const base = `quire-${level === 'line' ? 'invoice-lines' : 'invoices'}-${stamp}`
    for (let n = 1; ; n++) {
      const path = join(this.exportDir, `${base}${n === 1 ? '' : `-${n}`}.csv`)
      if (!existsSync(path) && !existsSync(`${path}.partial`)) return path
    }
  }
}

async function send(out: NodeJS.WritableStream, text: string): Promise<void> {
  if (text.length === 0) return
  if (!out.write(text)) await once(out, 'drain')
}
