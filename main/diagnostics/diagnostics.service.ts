/**
 * The log's location and the diagnostics bundle: versions, schema, each account's sync state and
 * last errors, skipped records and the recent log, in one ZIP a person can send to support.
 */
import { mkdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { Clock } from '../base/clock'
import { AppError } from '../base/errors'
import { logFiles, type FileLog } from '../log/file-log'
import { readTail } from '../log/read-log'
import type { DesktopShell } from '../pdfs/desktop-shell'
import { DIAGNOSTIC_SECTIONS } from './diagnostic-sections'
import { writeZip, type ZipEntry } from './write-zip'

/** The newest log lines go in: the end of the current file and of the one before it. */
const LOG_TAIL_BYTES = 2 * 1024 * 1024
const LOG_FILES_IN_BUNDLE = 2

export interface DiagnosticsDeps {
  db: Database
  log: FileLog
  clock: Clock
  /** Where "Save diagnostics…" puts the bundle without a desktop save dialog (the Downloads folder, as for CSV exports). */
  saveDir: string
  desktop: DesktopShell | null
}

export interface DiagnosticsRequest {
  appVersion: string
  includeInvoiceDetails: boolean
}

export class DiagnosticsService {
  constructor(private readonly deps: DiagnosticsDeps) {}

  logLocation(): { dir: string; file: string; canOpenFolder: boolean } {
    return { dir: this.deps.log.dir, file: this.deps.log.file, canOpenFolder: this.deps.desktop !== null }
  }

  async openLogFolder(): Promise<void> {
    if (!this.deps.desktop)
      throw new AppError('FORBIDDEN', `Opening a folder needs the Quire desktop app. The log is at ${this.deps.log.file}`)
    mkdirSync(this.deps.log.dir, { recursive: true })
    const problem = await this.deps.desktop.openPath(this.deps.log.dir)
    if (problem) throw new AppError('NOT_FOUND', `The system could not open the logs folder (${problem}). It is at ${this.deps.log.dir}`)
  }

  /**
   * "Save diagnostics…": where the person chooses in the desktop app (null when they cancel),
   * else into the save folder under a dated name.
   */
  async saveBundle(request: DiagnosticsRequest): Promise<{ path: string | null }> {
    const stamp = this.deps.clock.now().toISOString().replace(/[:]/g, '-').replace(/\..*$/, '')
    const name = `quire-diagnostics-${stamp}.zip`
    let path: string | null
    if (this.deps.desktop) {
      path = await this.deps.desktop.chooseSavePath(name, { title: 'Save diagnostics', typeName: 'ZIP archive', extension: 'zip' })
      if (path === null) return { path: null }
    } else {
      mkdirSync(this.deps.saveDir, { recursive: true })
      path = join(this.deps.saveDir, name)
    }
    await this.writeBundle(path, request)
    return { path }
  }

  async writeBundle(path: string, request: DiagnosticsRequest): Promise<void> {
    const now = this.deps.clock.now()
    this.deps.log.info('diagnostics bundle written', { includeInvoiceDetails: request.includeInvoiceDetails })
    const context = { db: this.deps.db, appVersion: request.appVersion, includeInvoiceDetails: request.includeInvoiceDetails, now }
    const entries: ZipEntry[] = DIAGNOSTIC_SECTIONS.map((section) => ({
      name: section.file,
      content: Buffer.from(`${JSON.stringify(collectSafely(section.collect, context), null, 2)}\n`)
    }))
    for (const file of logFiles(this.deps.log.dir).slice(0, LOG_FILES_IN_BUNDLE))
      entries.push({ name: `logs/${basename(file)}`, content: readTail(file, LOG_TAIL_BYTES) })
    await writeZip(path, entries, now)
  }
}

/** A section that fails says so in its file; the rest of the bundle is still worth having. */
function collectSafely<C>(collect: (context: C) => unknown, context: C): unknown {
  try {
    return collect(context)
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) }
  }
}
