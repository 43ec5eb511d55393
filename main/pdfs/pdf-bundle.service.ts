/**
 * The auditor bundle: a ZIP with one PDF per invoice of the filtered set, manifest.csv and
 * README.txt. Built with yazl one entry at a time: an entry is added only once the one before
 * has been read into the archive, the invoices come from a streamed query on a read-only
 * connection, and manifest rows go to a temp file, so memory holds one PDF at a time whatever
 * the number of invoices. The file appears under its name only when whole; a cancelled or
 * failed bundle leaves nothing behind.
 */
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import Database from 'better-sqlite3'
import { ZipFile } from 'yazl'
import type { ExportProgress, PdfBundleRequest, PdfBundleResult } from '../../preload/contract'
import { cancelled, type Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { EventHub } from '../base/events'
import { exportSql, filterSql } from '../db/invoice-filter-sql'
import type { OpenedPdf } from './pdf.service'
import { safeFileName } from './safe-file-name'
import { csvLine, type ExportRow } from '../services/export-csv'
import { localIsoDate } from '../../preload/contract/local-date'

/** What the bundle needs of the PDF service: the invoice's PDF as `pdfs.open` gives it. */
export interface BundlePdfs {
  open(ref: { accountId: string; remoteId: string }): Promise<OpenedPdf>
}

export interface BundleOptions {
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
}

export const MANIFEST_COLUMNS = [
  'account',
  'provider',
  'remoteId',
  'number',
  'counterparty',
  'issueDate',
  'currency',
  'total',
  'source',
  'sha256',
  'file',
  'syncedAt',
  'note'
] as const

const PROGRESS_EVERY_MS = 100

export class PdfBundleService {
  private running: AbortController | null = null

  constructor(
    private readonly dbFile: string,
    private readonly pdfs: BundlePdfs,
    private readonly clock: Clock,
    private readonly events: EventHub,
    private readonly exportDir: string
  ) {}

  /** Writes the bundle to `path` (via `path.partial`, renamed when whole). */
  async write(request: PdfBundleRequest, path: string, options: BundleOptions = {}): Promise<Omit<PdfBundleResult, 'path'>> {
    const partial = `${path}.partial`
    const manifestFile = `${path}.manifest.partial`
    const file = createWriteStream(partial, { flags: 'wx' })
    const zip = new ZipFile()
    const output = zip.outputStream as Readable
    const written = pipeline(output, file)
    // A write that fails (a full disk) ends the bundle at once rather than leaving an entry waiting.
    const broken = written.then(() => new Promise<never>(() => undefined))
    broken.catch(() => undefined)
    try {
      const counts = await this.fill(zip, request, manifestFile, broken, options)
      zip.end()
      await written
      renameSync(partial, path)
      return counts
    } catch (error) {
      output.destroy()
      file.destroy()
      await written.catch(() => undefined)
      rmSync(partial, { force: true })
      throw error
    } finally {
      rmSync(manifestFile, { force: true })
    }
  }

  /** A new file in the export folder, with progress pushed as `export.progress`; one at a time. */
  async toFile(request: PdfBundleRequest): Promise<PdfBundleResult> {
    if (this.running) throw new AppError('CONFLICT', 'An export is already running. Wait for it to finish, or cancel it.')
    const controller = new AbortController()
    this.running = controller
    try {
      mkdirSync(this.exportDir, { recursive: true })
      const path = this.freshPath()
      const counts = await this.write(request, path, {
        signal: controller.signal,
        onProgress: (p) => this.events.emit('export.progress', p)
      })
      return { path, ...counts }
    } finally {
      this.running = null
    }
  }

  cancel(): boolean {
    if (!this.running) return false
    this.running.abort()
    return true
  }

  private async fill(
    zip: ZipFile,
    request: PdfBundleRequest,
    manifestFile: string,
    broken: Promise<never>,
    options: BundleOptions
  ): Promise<Omit<PdfBundleResult, 'path'>> {
    const today = localIsoDate(this.clock.now())
    const made = this.clock.now()
    const reader = new Database(this.dbFile, { readonly: true, fileMustExist: true })
    const manifest = createWriteStream(manifestFile, { flags: 'wx' })
    const manifestClosed = once(manifest, 'close')
    let iterator: IterableIterator<unknown> | null = null
    const counts = { invoices: 0, provider: 0, generated: 0 }
    try {
      // One read transaction: the set bundled is one snapshot while syncs go on.
      reader.exec('BEGIN')
      const { where, params: filterParams } = filterSql(request.query, today)
      const total = reader.prepare(`SELECT count(*) FROM invoices i ${where}`).pluck().get(filterParams) as number
      const { sql, params } = exportSql(request.query, 'invoice', today)
      iterator = reader.prepare(sql).iterate(params)
      await writeText(manifest, csvLine(MANIFEST_COLUMNS))
      const names = new Set<string>()
      let reported = 0
      options.onProgress?.({ written: 0, total })
      for (const value of iterator) {
        if (options.signal?.aborted) throw cancelled()
        const row = value as ExportRow
        const name = uniqueName(names, row)
        const pdf = await Promise.race([
          addEntry(zip, name, made, () => this.pdfs.open({ accountId: row.account_id, remoteId: row.remote_id })),
          broken
        ])
        counts.invoices++
        counts[pdf.source]++
        await writeText(
          manifest,
          csvLine([
            row.account,
            row.provider,
            row.remote_id,
            row.number,
            row.counterparty,
            row.issue_date,
            row.currency,
            row.total,
            pdf.source,
            pdf.sha256,
            name,
            row.synced_at,
            pdf.notice
          ])
        )
        if (Date.now() - reported >= PROGRESS_EVERY_MS) {
          reported = Date.now()
          options.onProgress?.({ written: counts.invoices, total })
        }
      }
      if (options.signal?.aborted) throw cancelled()
      manifest.end()
      await manifestClosed
      zip.addReadStreamLazy('manifest.csv', { mtime: made }, (cb) => cb(null, createReadStream(manifestFile)))
      zip.addBuffer(Buffer.from(readme(request, made, counts), 'utf8'), 'README.txt', { mtime: made })
      options.onProgress?.({ written: counts.invoices, total })
      return counts
    } finally {
      iterator?.return?.()
      reader.close()
      if (!manifest.closed) {
        manifest.destroy()
        await manifestClosed.catch(() => undefined)
      }
    }
  }

  /** quire-pdfs-20261123-0930.zip, never overwriting an earlier export. */
  private freshPath(): string {
    const now = this.clock.now()
    const pad = (n: number): string => String(n).padStart(2, '0')
    const base = `quire-pdfs-${localIsoDate(now).replace(/-/g, '')}-${pad(now.getHours())}${pad(now.getMinutes())}`
    for (let n = 1; ; n++) {
      const path = join(this.exportDir, `${base}${n === 1 ? '' : `-${n}`}.zip`)
      if (!existsSync(path) && !existsSync(`${path}.partial`)) return path
    }
  }
}

/**
 * Adds one PDF, produced only when yazl reaches the entry, and resolves once its bytes have
 * gone into the archive: the next entry is added only then. PDFs are stored, not deflated:
 * they are compressed inside already.
 */
function addEntry(zip: ZipFile, name: string, mtime: Date, produce: () => Promise<OpenedPdf>): Promise<OpenedPdf> {
  return new Promise((resolve, reject) => {
    zip.addReadStreamLazy(name, { compress: false, mtime }, (cb) => {
      produce().then(
        (pdf) => {
          const stream = Readable.from([pdf.bytes])
          stream.on('end', () => resolve(pdf))
          cb(null, stream)
        },
        (error: unknown) => reject(error)
      )
    })
  })
}

/** "2026-03-01 hoursmith INV-0042.pdf": issue date, provider and number; a second of the same name gets " (2)". */
function uniqueName(taken: Set<string>, row: ExportRow): string {
  const base = safeFileName(`${row.issue_date ?? 'undated'} ${row.provider} ${row.number ?? row.remote_id}`)
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : ` (${n})`}.pdf`
    // Case-insensitive file systems (Windows, macOS) would merge names differing in case only.
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase())
      return name
    }
  }
}

async function writeText(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain')
}

function readme(request: PdfBundleRequest, made: Date, counts: Omit<PdfBundleResult, 'path'>): string {
  return [
    'Invoice PDFs exported by Quire',
    '',
    `Made: ${made.toISOString()}`,
    `Invoices: ${counts.invoices} (${counts.provider} the provider's own PDF, ${counts.generated} generated by Quire)`,
    `Filter: ${JSON.stringify(request.query)}`,
    '',
    'One PDF per invoice. manifest.csv lists each with its account, provider, the id the provider',
    'gives it (remoteId), number, counterparty, issue date, currency and total as synced, and:',
    '',
    '  source    provider: the document the invoicing service itself issued, byte for byte as it',
    '                      served it to Quire.',
    '            generated: the service had no PDF for the invoice, or it could not be fetched when',
    '                      this bundle was made (the note column says why). Quire then rendered one',
    '                      from the data it had synced; every page of it says so. It is a faithful',
    "                      summary of that data, not the provider's original document.",
    '  sha256    the SHA-256 of the file in this bundle (sha256sum FILE prints the same).',
    '  file      the file name in this bundle.',
    "  syncedAt  when Quire last received the invoice's data from the provider (UTC).",
    "  note      why the provider's own PDF is not the one included, when it is not.",
    ''
  ].join('\r\n')
}
