import type { HandlerInput, MethodName, MethodOutput } from '../../preload/contract'
import type { Core } from '../core/create-core'
import { providerList } from '../providers/registry'
import { toAccountSummary } from '../services/account-summary'

/** One handler per contract method: a missing or mistyped handler is a compile error. */
export type Handlers = { [M in MethodName]: (input: HandlerInput<M>) => Promise<MethodOutput<M>> }

export function createHandlers(core: Core, version: string): Handlers {
  return {
    'app.getInfo': async () => ({
      version,
      accountCount: core.accounts.list().length,
      providers: providerList().map(({ id, label, defaultBaseUrl, secretLabel, requiredOptions, optionalOptions }) => ({ id, label, defaultBaseUrl, secretLabel, requiredOptions, optionalOptions }))
    }),
    'accounts.list': async () => core.accounts.list().map(toAccountSummary),
    'accounts.add': async (draft) => toAccountSummary(await core.accounts.add(draft)),
    'accounts.testConnection': async (draft) => ({ detail: await core.accounts.testConnection(draft) }),
    'accounts.replaceSecret': async ({ accountId, secret }) => toAccountSummary(await core.accounts.replaceSecret(accountId, secret)),
    'accounts.remove': async ({ accountId }) => {
      await core.accounts.remove(accountId)
      return { removed: true }
    },
    'sync.run': async ({ accountId, full }) => core.sync.run(accountId, { full }),
    'sync.cancel': async () => ({ cancelled: core.sync.cancel() }),
    'invoices.list': async (query) => core.invoices.list(query),
    'invoices.get': async ({ accountId, remoteId }) => ({ ...core.invoices.get(accountId, remoteId), history: core.changes.history(accountId, remoteId) }),
    'settings.get': async () => ({ ...core.settings.get(), online: core.scheduler.checkNetwork() }),
    'settings.update': async ({ syncIntervalMinutes }) => {
      const updated = core.settings.update({ syncIntervalMinutes })
      core.scheduler.restart()
      return { ...updated, online: core.scheduler.checkNetwork() }
    },
    'demo.start': async () => (await core.demo.start()).map(toAccountSummary)
  }
}
