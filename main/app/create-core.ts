/**
 * The composition root. Everything privileged (keychain, network, SQLite) is wired here from
 * what the caller passes in, with no Electron import: Electron, the CLI, the test host and the
 * tests all run this same core.
 */
import { join } from 'node:path'
import { ActivityService } from '../activity/activity.service'
import { AccountsRepo } from '../db/accounts.repo'
import { ChangesFeedRepo } from '../db/changes-feed.repo'
import { CacheHealthMonitor } from '../db/cache-health'
import { ROLLUP_DRIFT_SQL, TotalsRollup } from '../db/totals-rollup'
import { InvoiceChangesRepo } from '../db/invoice-changes.repo'
import { InvoiceQueryRepo } from '../db/invoice-query'
import { InvoicesRepo } from '../db/invoices.repo'
import { openDatabase } from '../db/open-database'
import { SkippedRecordsRepo } from '../db/skipped-records.repo'
import { PaymentTermsRepo } from '../db/payment-terms.repo'
import { PaymentTermsService } from '../services/payment-terms.service'
import { SyncStateRepo } from '../db/sync-state.repo'
import { SavedViewsRepo } from '../db/saved-views.repo'
import { SettingsRepo } from '../db/settings.repo'
import { DuplicatesRepo } from '../duplicates/duplicates.repo'
import { DuplicatesService } from '../duplicates/duplicates.service'
import { DemoWorkspace } from './demo/demo-workspace'
import { DiagnosticsService } from '../diagnostics/diagnostics.service'
import { AppLock, type SystemConfirmation } from '../lock/app-lock'
import { holdWhileLocked } from '../lock/locked-events'
import { UnlockAttemptsRepo } from '../lock/unlock-attempts.repo'
import { createFileLog, type FileLog } from '../log/file-log'
import type { Fetch } from '../net/http'
import { hasNetworkInterface } from '../net/network-probe'
import type { DesktopShell } from '../pdfs/desktop-shell'
import { PdfService } from '../pdfs/pdf.service'
import { ReportSourceRepo } from '../reports/report-source.repo'
import { ReportsService } from '../reports/reports.service'
import { RequestGate } from '../net/request-gate'
import type { SecretStore } from '../secrets/secret-store'
import { AccountsService } from '../services/accounts.service'
import { defaultExportDir } from '../services/export-location'
import { ExportService } from '../services/export.service'
import { InvoicesService } from '../services/invoices.service'
import { PdfBundleService } from '../pdfs/pdf-bundle.service'
import { SyncService } from '../sync/sync.service'
import { tightenTree } from '../storage/private-files'
import { SyncScheduler, type NetworkProbe } from '../sync/scheduler'
import { systemClock, type Clock } from '../base/clock'
import { DomainEvents } from '../base/domain-events'
import { EventHub } from '../base/events'

export interface CoreOptions {
  dataDir: string
  secrets: SecretStore
  fetch?: Fetch
  clock?: Clock
  migrationsDir?: string
  /** Where CSV exports go; default: the Downloads folder (see defaultExportDir). */
  exportDir?: string
  /** Whether the machine is online (Electron passes net.isOnline). */
  isOnline?: NetworkProbe
  /** The system viewer and save dialog for PDFs: only a desktop host has them (Electron passes its own). */
  desktop?: DesktopShell
  /** Benchmarks against local simulators only: see HttpDeps.publishedBudgets. */
  publishedBudgets?: boolean
  /** Seconds since the person last used the machine, for the app lock (Electron passes the OS's idle time). */
  idleSeconds?: () => number
  /** The OS prompt that can unlock the app lock, where the platform has one. */
  confirmation?: SystemConfirmation | null
  /** Where the core logs; default: `<data dir>/logs/` (the Electron app passes the OS's logs folder). */
  log?: FileLog
}

export type Core = Awaited<ReturnType<typeof createCore>>

/** Across all accounts syncing at once: enough to overlap latency, few enough to be polite. */
const MAX_REQUESTS_IN_FLIGHT = 8

export async function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock
  const log = options.log ?? createFileLog(join(options.dataDir, 'logs'))
  const http = {
    fetch: options.fetch ?? globalThis.fetch,
    clock,
    gate: new RequestGate(MAX_REQUESTS_IN_FLIGHT),
    publishedBudgets: options.publishedBudgets ?? true
  }
  const dbFile = join(options.dataDir, 'quire.sqlite3')
  const db = openDatabase(dbFile, options.migrationsDir)
  // A data dir from before Quire narrowed its modes (or copied in under a wide umask).
  tightenTree(options.dataDir)
  const events = new EventHub()
  const domain = new DomainEvents()
  // Off the launch's path: reading every page of a large cache takes seconds.
  const health = new CacheHealthMonitor(dbFile, events, (message, error) => log.error(message, error), [
    {
      name: 'invoice_totals',
      sql: ROLLUP_DRIFT_SQL,
      rebuild: () => {
        db.transaction(() => new TotalsRollup(db).recountAll())()
        for (const account of accountsRepo.list()) void domain.emit('invoices.changed', { accountId: account.id })
      }
    }
  ])
  const accountsRepo = new AccountsRepo(db)
  const invoicesRepo = new InvoicesRepo(db)
  const syncState = new SyncStateRepo(db)
  const changes = new InvoiceChangesRepo(db)
  const skipped = new SkippedRecordsRepo(db)

  const accounts = new AccountsService(accountsRepo, options.secrets, http, clock, events, domain)
  const invoiceQuery = new InvoiceQueryRepo(db, { file: dbFile, log })
  const invoices = new InvoicesService(invoiceQuery, new SavedViewsRepo(db), clock, changes, domain)
  const exportDir = options.exportDir ?? defaultExportDir(options.dataDir)
  const exports = new ExportService(dbFile, clock, events, exportDir, options.desktop ?? null)
  const reports = new ReportsService(new ReportSourceRepo(db), new ChangesFeedRepo(db), clock, exportDir)
  const paymentTermsRepo = new PaymentTermsRepo(db)
  const paymentTerms = new PaymentTermsService(paymentTermsRepo, accounts, events, domain)
  const sync = new SyncService(
    {
      db,
      accounts: accountsRepo,
      invoices: invoicesRepo,
      paymentTerms: paymentTermsRepo,
      changes,
      syncState,
      skipped,
      clock,
      events,
      domain,
      log
    },
    accounts
  )
  const settings = new SettingsRepo(db, domain)
  const scheduler = new SyncScheduler(sync, settings, clock, options.isOnline ?? hasNetworkInterface, events, domain)
  const activity = new ActivityService({
    db,
    clock,
    log,
    account: (id) => accounts.get(id),
    connect: (account) => accounts.connect(account)
  })
  activity.recoverOnStart()
  domain.on('account.synced', ({ accountId, signal }) => activity.syncAfterInvoices(accounts.get(accountId), signal))
  const pdfs = new PdfService({
    db,
    dataDir: options.dataDir,
    accounts,
    invoices,
    clock,
    domain,
    events,
    isOnline: options.isOnline ?? hasNetworkInterface,
    desktop: options.desktop ?? null,
    log
  })
  const bundles = new PdfBundleService(dbFile, pdfs, clock, events, exportDir)
  const duplicates = new DuplicatesService(new DuplicatesRepo(db), clock)
  const diagnostics = new DiagnosticsService({ db, log, clock, saveDir: exportDir, desktop: options.desktop ?? null })
  const demo = new DemoWorkspace(accounts)
  const lock = new AppLock({
    settings,
    attempts: new UnlockAttemptsRepo(db),
    secrets: options.secrets,
    clock,
    events,
    idleSeconds: options.idleSeconds,
    confirmation: options.confirmation
  })

  return {
    dataDir: options.dataDir,
    log,
    accounts,
    invoices,
    exports,
    bundles,
    duplicates,
    reports,
    changes,
    skipped,
    paymentTerms,
    sync,
    demo,
    events,
    /** What the renderer may see of `events`: held while the app is locked. */
    rendererEvents: holdWhileLocked(events, lock),
    settings,
    scheduler,
    activity,
    pdfs,
    lock,
    health,
    /** Started by long-running hosts (start-background.ts): a CLI command would only wait for it. */
    moneyColumns: invoiceQuery.moneyColumns!,
    diagnostics,
    async close(): Promise<void> {
      await health.stop()
      await invoiceQuery.moneyColumns!.stop()
      lock.stop()
      scheduler.stop()
      exports.cancel()
      bundles.cancel()
      await sync.settle()
      await pdfs.close()
      await demo.close()
      db.close()
    }
  }
}
