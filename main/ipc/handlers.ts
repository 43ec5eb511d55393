import type { HandlerInput, MethodName, MethodOutput } from '../../preload/contract'
import type { Core } from '../app/create-core'
import { providerList } from '../providers/registry'
import { toAccountSummary } from '../services/account-summary'
import { guardedByLock } from './lock-guard'

/** One handler per contract method: a missing or mistyped handler is a compile error. */
export type Handlers = { [M in MethodName]: (input: HandlerInput<M>) => Promise<MethodOutput<M>> }

export function createHandlers(core: Core, version: string): Handlers {
  const appSettings = () => {
    const { syncIntervalMinutes, hideAmounts, csvDelimiter } = core.settings.get()
    return { syncIntervalMinutes, hideAmounts, csvDelimiter, online: core.scheduler.checkNetwork() }
  }
  return guardedByLock(
    {
      'app.getInfo': async () => ({
        version,
        accountCount: core.accounts.list().length,
        providers: providerList().map(({ id, label, defaultBaseUrl, secretLabel, requiredOptions, optionalOptions }) => ({
          id,
          label,
          defaultBaseUrl,
          secretLabel,
          requiredOptions,
          optionalOptions
        }))
      }),
      'accounts.list': async () => core.accounts.list().map(toAccountSummary),
      'accounts.add': async (draft) => toAccountSummary(await core.accounts.add(draft)),
      'accounts.testConnection': async ({ name, ...draft }) => ({
        detail: await core.accounts.testConnection(draft, name ? { name } : {})
      }),
      'accounts.replaceSecret': async ({ accountId, secret, skipCheck }) =>
        toAccountSummary(await core.accounts.replaceSecret(accountId, secret, { skipCheck })),
      'accounts.remove': async ({ accountId }) => {
        await core.accounts.remove(accountId)
        return { removed: true }
      },
      'sync.run': async ({ accountId, full }) => core.sync.run(accountId, { full }),
      'sync.cancel': async () => ({ cancelled: core.sync.cancel() }),
      'invoices.list': async (query) => core.invoices.window(query),
      'invoices.get': async ({ accountId, remoteId }) => core.invoices.get(accountId, remoteId),
      'invoices.getTotals': async (query) => core.invoices.totals(query),
      'invoices.count': async (filter) => ({ count: core.invoices.count(filter) }),
      'invoices.countLeftOutOfTotals': async (filter) => core.invoices.leftOutOfTotals(filter),
      'invoices.getSelectionTotals': async ({ invoices, includeVoidAndDraft }) =>
        core.invoices.selectionTotals(invoices, { includeVoidAndDraft }),
      'invoices.listCurrencies': async () => core.invoices.currencies(),
      'invoices.getMany': async ({ invoices }) => core.invoices.byKeys(invoices),
      'invoices.exportCsv': async (request) => core.exports.toFile(request),
      'invoices.openExport': async ({ id, folder }) => {
        await core.exports.open(id, folder)
        return { opened: true as const }
      },
      'invoices.cancelExport': async () => ({ cancelled: [core.exports.cancel(), core.bundles.cancel()].some(Boolean) }),
      'invoices.exportPdfZip': async (request) => core.bundles.toFile(request),
      'duplicates.list': async () => core.duplicates.list(),
      'duplicates.dismiss': async ({ key }) => {
        core.duplicates.dismiss(key)
        return { dismissed: true as const }
      },
      'views.list': async () => core.invoices.listViews(),
      'views.save': async ({ name, state }) => core.invoices.saveView(name, state),
      'views.remove': async ({ id }) => ({ removed: core.invoices.removeView(id) }),
      'views.launch': async () => core.invoices.launchView(),
      'views.setDefault': async ({ id }) => ({ defaultViewId: core.invoices.setDefaultView(id) }),
      'views.rememberLast': async ({ state }) => {
        core.invoices.rememberLastView(state)
        return { remembered: true as const }
      },
      'settings.get': async () => appSettings(),
      'settings.update': async ({ syncIntervalMinutes, hideAmounts, csvDelimiter }) => {
        core.settings.update({ syncIntervalMinutes, hideAmounts, csvDelimiter })
        return appSettings()
      },
      'demo.start': async () => (await core.demo.start()).map(toAccountSummary),
      'activity.forInvoice': async ({ accountId, remoteId }) => core.activity.forInvoice(accountId, remoteId),
      'activity.recent': async ({ limit }) => core.activity.recent(limit),
      'activity.begin': async ({ accountId, remoteId, surface, state }) => core.activity.begin(accountId, remoteId, surface, state),
      'activity.heartbeat': async ({ sessionId, state }) => core.activity.heartbeat(sessionId, state),
      'activity.end': async ({ sessionId }) => core.activity.end(sessionId),
      'activity.settings': async () => core.activity.settings(),
      'activity.updateSettings': async (changes) => core.activity.updateSettings(changes),
      'activity.clearLocal': async () => core.activity.clearLocal(),
      'pdfs.open': async (ref) => {
        const { path: _path, bytes, ...file } = await core.pdfs.open(ref)
        return { ...file, data: bytes.toString('base64'), desktop: core.pdfs.hasDesktop }
      },
      'pdfs.openExternal': async (ref) => {
        await core.pdfs.openInSystemViewer(ref)
        return { opened: true }
      },
      'pdfs.saveAs': async (ref) => ({ path: await core.pdfs.saveAs(ref) }),
      'pdfs.settings': async () => core.pdfs.cacheSettings(),
      'pdfs.updateSettings': async (changes) => {
        await core.pdfs.updateSettings(changes)
        return core.pdfs.cacheSettings()
      },
      'reports.overview': async ({ months }) => core.reports.overview(months),
      'reports.aging': async (request) => core.reports.aging(request),
      'reports.exportAgingCsv': async (request) => core.reports.exportAgingCsv(request),
      'changes.since': async (request) => core.reports.changes(request),
      'lock.status': async () => core.lock.status(),
      'lock.configure': async (changes) => core.lock.configure(changes),
      'lock.setPasscode': async ({ passcode, current }) => core.lock.setPasscode(passcode, current),
      'lock.lockNow': async () => core.lock.lockNow(),
      'lock.unlock': async (proof) => core.lock.unlock(proof),
      'skipped.list': async ({ accountId, limit }) => core.skipped.list(accountId ?? null, limit),
      'terms.list': async () => core.paymentTerms.list(),
      'terms.set': async ({ accountId, terms }) => core.paymentTerms.set(accountId, terms),
      'invoices.countOpenWithoutDueDate': async (filter) => ({ count: core.invoices.openWithoutDueDate(filter) }),
      'cache.getHealth': async () => core.health.status(),
      'logs.location': async () => core.diagnostics.logLocation(),
      'logs.openFolder': async () => {
        await core.diagnostics.openLogFolder()
        return { opened: true as const }
      },
      'diagnostics.save': async ({ includeInvoiceDetails }) => core.diagnostics.saveBundle({ appVersion: version, includeInvoiceDetails })
    },
    core.lock
  )
}
