/**
 * Every invoice opens as a PDF, offline. In order: the provider's own PDF from the cache (its
 * hash re-checked on every open; a damaged copy is dropped and fetched again), else the
 * provider's PDF downloaded now (streamed, verified, stored by hash), else a PDF Quire renders
 * from the cached data — with a notice saying why the provider's own is not the one shown.
 * The cache keeps to a disk quota by removing the least recently opened files.
 */
import { copyFile } from 'node:fs/promises'
import type { Database } from 'better-sqlite3'
import type { InvoiceRef, PdfCacheSettings, PdfFile, PdfFileRef, PdfSource } from '../../preload/contract'
import { cancelled, isoNow, type Clock } from '../base/clock'
import { AppError, isAppError, toErrorPayload } from '../base/errors'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import type { AccountRecord } from '../db/accounts.repo'
import type { Log } from '../log/log'
import type { Connector } from '../providers/connector'
import { providers } from '../providers/registry'
import type { AccountsService } from '../services/accounts.service'
import type { InvoicesService } from '../services/invoices.service'
import type { DesktopShell } from './desktop-shell'
import { PdfCacheRepo, type InvoiceKey, type PdfRecord } from './pdf-cache.repo'
import { evictToFit, forget } from './pdf-quota'
import { PdfSettingsRepo, type PdfSettings } from './pdf-settings'
import { PdfStore } from './pdf-store'
import { PdfTextReader } from './pdf-text-reader'
import { PdfTextRepo } from '../db/pdf-text.repo'
import { receivePdf } from './receive-pdf'
import { renderInvoicePdf } from './render-invoice-pdf'
import { safeFileName } from './safe-file-name'

/**
 * Bumped whenever generated PDFs would come out differently from the same data (a new font, a
 * new layout), so copies rendered by an older Quire are rendered again on their next open.
 * 2: DejaVu Sans embedded, so Central European, Greek and Cyrillic text no longer prints as "?".
 */
const GENERATED_LAYOUT = 'layout-2'

/** Real invoices are tens or hundreds of kilobytes; anything near this is not an invoice. */
export const MAX_PDF_BYTES = 20 * 1_048_576
/** Prefetch takes open invoices and those issued within this many days. */
const PREFETCH_RECENT_DAYS = 90
/** Per account and sync: enough for a month's invoices, polite to the provider. */
const PREFETCH_LIMIT = 200
const PREFETCH_CONCURRENCY = 2

export interface PdfServiceDeps {
  db: Database
  dataDir: string
  accounts: AccountsService
  invoices: InvoicesService
  clock: Clock
  domain: DomainEvents
  /** To the renderer: the text of cached PDFs changed (lists and checks may read differently). */
  events: EventHub
  isOnline: () => boolean
  desktop: DesktopShell | null
  log: Log
  maxPdfBytes?: number
}

/** A PDF ready to show: its description, its verified bytes, and where it is on disk. */
export interface OpenedPdf extends PdfFile {
  path: string
  bytes: Buffer
}

export interface PrefetchResult {
  fetched: number
  /** The provider said it has no PDF yet (Yeti's 404 with an empty body). */
  none: number
  failed: number
}

type Stored = { record: PdfRecord; bytes: Buffer }

export class PdfService {
  readonly settings: PdfSettingsRepo
  private readonly repo: PdfCacheRepo
  private readonly store: PdfStore
  private readonly texts: PdfTextReader
  private readonly maxBytes: number
  private readonly background = new Set<Promise<unknown>>()
  /** Opens in progress, by invoice: a double click or a second window waits for the same download. */
  private readonly opening = new Map<string, Promise<OpenedPdf>>()
  private readonly stopping = new AbortController()
  private readonly unsubscribe: () => void

  constructor(private readonly deps: PdfServiceDeps) {
    this.repo = new PdfCacheRepo(deps.db)
    this.settings = new PdfSettingsRepo(deps.db)
    this.store = new PdfStore(deps.dataDir)
    this.maxBytes = deps.maxPdfBytes ?? MAX_PDF_BYTES
    // Files no record names (an account removed, a cache rebuilt) go at start.
    this.store.sweep(this.repo.referenced())
    this.texts = new PdfTextReader(new PdfTextRepo(deps.db), this.store, deps.clock, () => this.textIndexChanged())
    // PDFs cached before their text was read (an older Quire, a quit mid-pass) are read now.
    this.readTexts()
    this.unsubscribe = deps.domain.on('account.synced', ({ accountId }) => {
      if (this.settings.get().policy === 'prefetch') this.track(this.prefetch(accountId, this.stopping.signal))
      // A sync that changed a number or total has the cached PDF checked against it again.
      this.readTexts()
    })
  }

  get hasDesktop(): boolean {
    return this.deps.desktop !== null
  }

  open(ref: InvoiceRef): Promise<OpenedPdf> {
    const id = `${ref.accountId}/${ref.remoteId}`
    let pending = this.opening.get(id)
    if (!pending) {
      pending = this.openNow(ref).finally(() => this.opening.delete(id))
      this.opening.set(id, pending)
    }
    return pending
  }

  private async openNow(ref: InvoiceRef): Promise<OpenedPdf> {
    const account = this.deps.accounts.get(ref.accountId)
    const key = this.invoiceKey(ref)
    const cached = await this.verified(key.id, 'provider')
    if (cached.stored) return this.opened(key, cached.stored, null)

    let notice: string | null = null
    if (key.hasPdf) {
      const label = providers[account.provider].label
      const attempt = await this.tryProvider(account, key)
      if ('stored' in attempt) return this.opened(key, attempt.stored, null)
      notice =
        attempt.reason === null
          ? null
          : `${cached.damaged ? `The saved copy of ${label}’s PDF was damaged, and getting it again failed. ` : ''}${attempt.reason}`
    }
    return this.opened(key, await this.generated(account, key), notice)
  }

  /**
   * Only the provider's own PDF: from the cache when it is there intact, else downloaded now.
   * Never a rendered copy: when it cannot be had, the error says why (no PDF yet, a web page
   * instead of a PDF, a cut-off download…).
   */
  async original(ref: InvoiceRef): Promise<OpenedPdf> {
    const account = this.deps.accounts.get(ref.accountId)
    const key = this.invoiceKey(ref)
    const cached = await this.verified(key.id, 'provider')
    if (cached.stored) return this.opened(key, cached.stored, null)
    const label = providers[account.provider].label
    if (!key.hasPdf)
      throw new AppError(
        'NOT_FOUND',
        `${label} has no PDF for invoice ${key.remoteId}; \`quire pdf\` without --original renders one from the synced data.`
      )
    const stored = await this.download(account, await this.deps.accounts.connect(account), key)
    if (!stored)
      throw new AppError(
        'NOT_FOUND',
        `${label} has no PDF for invoice ${key.remoteId} yet (it answered 404 with nothing in it). Try again later.`
      )
    return this.opened(key, stored, null)
  }

  /** Provider PDFs of the account's open and recent invoices that are not cached yet. */
  async prefetch(accountId: string, signal?: AbortSignal): Promise<PrefetchResult> {
    const result: PrefetchResult = { fetched: 0, none: 0, failed: 0 }
    const since = new Date(this.deps.clock.now().getTime() - PREFETCH_RECENT_DAYS * 86_400_000).toISOString().slice(0, 10)
    const queue = this.repo.prefetchCandidates(accountId, since, PREFETCH_LIMIT)
    if (queue.length === 0 || !this.deps.isOnline()) return result
    const account = this.deps.accounts.get(accountId)
    const connector = await this.deps.accounts.connect(account)
    const worker = async (): Promise<void> => {
      for (let remoteId = queue.shift(); remoteId !== undefined; remoteId = queue.shift()) {
        if (signal?.aborted) throw cancelled()
        try {
          const key = this.repo.invoice(accountId, remoteId)
          const stored = key && (await this.download(account, connector, key, signal))
          if (stored) result.fetched += 1
          else result.none += 1
        } catch (error) {
          if (isAppError(error, 'CANCELLED')) throw error
          result.failed += 1
        }
      }
    }
    await Promise.all(Array.from({ length: PREFETCH_CONCURRENCY }, worker))
    return result
  }

  async openInSystemViewer(ref: PdfFileRef): Promise<void> {
    const desktop = this.requireDesktop('Opening a PDF in the system viewer')
    const path = await this.validatedPath(ref)
    const problem = await desktop.openPath(path)
    if (problem) throw new AppError('NOT_FOUND', `The system could not open the PDF: ${problem}. Is an app for PDF files installed?`)
  }

  /** Copies the cached file where the person chooses; null when they cancel the dialog. */
  async saveAs(ref: PdfFileRef): Promise<string | null> {
    const desktop = this.requireDesktop('Saving a copy of a PDF')
    const path = await this.validatedPath(ref)
    const detail = this.deps.invoices.get(ref.accountId, ref.remoteId)
    const generated = this.repo.record(this.invoiceKey(ref).id, 'generated')?.sha256 === ref.sha256
    const target = await desktop.chooseSavePath(
      `${safeFileName(`${detail.account} ${detail.number ?? detail.remoteId}`)}${generated ? ' (generated by Quire)' : ''}.pdf`
    )
    if (target === null) return null
    await copyFile(path, target)
    return target
  }

  /** Changes the policy or quota; a lower quota applies at once. */
  async updateSettings(changes: Partial<PdfSettings>): Promise<PdfSettings> {
    const updated = this.settings.update(changes)
    await this.enforceQuota(null)
    return updated
  }

  /** The settings with the disk space cached PDFs take now. */
  cacheSettings(): PdfCacheSettings {
    return { ...this.settings.get(), usedBytes: this.repo.totalBytes() }
  }

  /** Reads the text of every cached provider PDF not read yet (search, checks); resolves when done. */
  indexTexts(): Promise<void> {
    return this.texts.readUnread(this.stopping.signal)
  }

  /** Resolves once the prefetches running now have finished. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.background])
  }

  /** Stops background prefetches (a quitting app does not wait for downloads) and waits for them to stop. */
  async close(): Promise<void> {
    this.unsubscribe()
    this.stopping.abort()
    await this.settle()
  }

  private invoiceKey(ref: InvoiceRef): InvoiceKey {
    const key = this.repo.invoice(ref.accountId, ref.remoteId)
    if (!key) throw new AppError('NOT_FOUND', `Invoice ${ref.remoteId} is not in the cache. Sync the account, or check the id.`)
    return key
  }

  /** The cached file of this source if its bytes still match their hash; a damaged one is dropped. */
  private async verified(invoiceId: number, source: PdfSource): Promise<{ stored: Stored | null; damaged: boolean }> {
    const record = this.repo.record(invoiceId, source)
    if (!record) return { stored: null, damaged: false }
    const bytes = await this.store.readVerified(record.sha256)
    if (bytes) return { stored: { record, bytes }, damaged: false }
    await forget(this.repo, this.store, record)
    this.textIndexChanged()
    return { stored: null, damaged: true }
  }

  /** The provider's PDF, or why it cannot be had now (null: no reason worth telling). */
  private async tryProvider(account: AccountRecord, key: InvoiceKey): Promise<{ stored: Stored } | { reason: string | null }> {
    const label = providers[account.provider].label
    const instead = 'This is a copy Quire generated from the synced data instead.'
    if (!this.deps.isOnline()) return { reason: `You are offline, so ${label}’s own PDF could not be downloaded. ${instead}` }
    try {
      const connector = await this.deps.accounts.connect(account)
      if (!connector.downloadPdf) return { reason: null }
      const stored = await this.download(account, connector, key)
      if (stored) return { stored }
      const later = this.settings.get().policy === 'prefetch' ? 'when it is next opened or synced' : 'when it is next opened'
      return { reason: `${label} has no PDF for this invoice yet; Quire asks again ${later}. ${instead}` }
    } catch (error) {
      if (isAppError(error, 'CANCELLED')) throw error
      return { reason: `${label}’s own PDF could not be used. ${toErrorPayload(error).message} ${instead}` }
    }
  }

  private async download(account: AccountRecord, connector: Connector, key: InvoiceKey, signal?: AbortSignal): Promise<Stored | null> {
    if (!connector.downloadPdf) throw new AppError('NOT_FOUND', `${providers[account.provider].label} offers no PDF download in its API.`)
    const response = await connector.downloadPdf({ remoteId: key.remoteId, raw: key.raw }, signal)
    if (response === null) return null
    const temp = this.store.newTempFile()
    let received
    try {
      received = await receivePdf(response, temp, this.maxBytes, { who: `${providers[account.provider].label} account “${account.name}”` })
    } catch (error) {
      if (signal?.aborted) throw cancelled()
      throw error
    }
    await this.store.adopt(temp, received.sha256)
    const record: PdfRecord = {
      invoiceId: key.id,
      source: 'provider',
      ...received,
      storedAt: isoNow(this.deps.clock),
      renderedFrom: null,
      lastOpenedAt: null
    }
    await this.keep(record)
    const bytes = await this.store.readVerified(record.sha256)
    if (!bytes) throw new AppError('INTERNAL', 'A PDF vanished from the cache as it was stored.')
    this.readTexts()
    return { record, bytes }
  }

  /** Quire's own rendering, reused while the invoice's synced data and the layout are unchanged. */
  private async generated(account: AccountRecord, key: InvoiceKey): Promise<Stored> {
    const existing = await this.verified(key.id, 'generated')
    const renderedFrom = `${GENERATED_LAYOUT}@${key.syncedAt}`
    if (existing.stored && existing.stored.record.renderedFrom === renderedFrom) return existing.stored
    const detail = this.deps.invoices.get(account.id, key.remoteId)
    const bytes = Buffer.from(await renderInvoicePdf(detail, { providerLabel: providers[account.provider].label }))
    const { sha256, size } = await this.store.write(bytes)
    const record: PdfRecord = {
      invoiceId: key.id,
      source: 'generated',
      sha256,
      size,
      storedAt: isoNow(this.deps.clock),
      renderedFrom,
      lastOpenedAt: null
    }
    await this.keep(record)
    return { record, bytes }
  }

  private opened(key: InvoiceKey, stored: Stored, notice: string | null): OpenedPdf {
    const now = isoNow(this.deps.clock)
    this.repo.touch(key.id, stored.record.source, now)
    return { ...describe(stored.record, notice), path: this.store.pathOf(stored.record.sha256), bytes: stored.bytes }
  }

  /** Records a stored file (replacing the invoice's previous one of that source), then keeps to the quota. */
  private async keep(record: PdfRecord): Promise<void> {
    const previous = this.repo.record(record.invoiceId, record.source)
    this.repo.put(record)
    if (previous && previous.sha256 !== record.sha256 && this.repo.uses(previous.sha256) === 0) await this.store.remove(previous.sha256)
    await this.enforceQuota(record.sha256)
  }

  /** Evicted provider PDFs take their text out of search with them (a trigger drops it). */
  private async enforceQuota(keep: string | null): Promise<number> {
    const freed = await evictToFit(this.repo, this.store, this.settings.get().quotaMb * 1_048_576, keep)
    if (freed > 0) this.textIndexChanged()
    return freed
  }

  /** Lists and open invoices are read again: what a search finds, and the checks, changed. */
  private textIndexChanged(): void {
    this.deps.invoices.searchIndexChanged()
    this.deps.events.emit('pdfs.textIndexed', {})
  }

  /** Indexes and checks, in the background, every provider PDF not read as it is now. */
  private readTexts(): void {
    this.track(this.texts.readUnread(this.stopping.signal))
  }

  /** The path of a file this invoice really has, re-verified: nothing else is handed to the system. */
  private async validatedPath(ref: PdfFileRef): Promise<string> {
    const key = this.invoiceKey(ref)
    const record = (['provider', 'generated'] as const)
      .map((source) => this.repo.record(key.id, source))
      .find((candidate) => candidate?.sha256 === ref.sha256)
    if (!record) throw new AppError('NOT_FOUND', 'That PDF is no longer in the cache. Open the invoice’s PDF again.')
    if (!(await this.store.readVerified(record.sha256))) {
      await forget(this.repo, this.store, record)
      this.textIndexChanged()
      throw new AppError('NOT_FOUND', 'The saved PDF was damaged and has been removed. Open the invoice’s PDF again to get a fresh copy.')
    }
    return this.store.pathOf(record.sha256)
  }

  private requireDesktop(what: string): DesktopShell {
    if (!this.deps.desktop)
      throw new AppError(
        'FORBIDDEN',
        `${what} needs the Quire desktop app. Here, use the viewer’s Print, or the CLI: quire pdf ACCOUNT/REMOTE_ID --out FILE`
      )
    return this.deps.desktop
  }

  /** Background work has no caller to tell: an unexpected failure goes to the log with its stack. */
  private track(task: Promise<unknown>): void {
    const tracked = task
      .catch((error: unknown) => {
        if (toErrorPayload(error).code === 'INTERNAL') this.deps.log.error('PDF prefetch failed unexpectedly', error)
      })
      .finally(() => this.background.delete(tracked))
    this.background.add(tracked)
  }
}

function describe(record: PdfRecord, notice: string | null): PdfFile {
  return { source: record.source, sha256: record.sha256, size: record.size, storedAt: record.storedAt, notice }
}
