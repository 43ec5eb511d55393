import { useCallback, useEffect, useState, type MouseEvent } from 'react'
import { Boot } from './components/Boot'
import { AccountNamesProvider } from './components/AccountName'
import { SideNav, type Screen } from './components/SideNav'
import { AccountsScreen } from './features/accounts/AccountsScreen'
import { CacheHealthNotice } from './features/cache/CacheHealthNotice'
import { ActivityScreen } from './features/activity/ActivityScreen'
import { DuplicatesScreen } from './features/documents/DuplicatesScreen'
import { AgingScreen } from './features/aging/AgingScreen'
import { ChangesScreen } from './features/changes/ChangesScreen'
import { OverviewScreen } from './features/overview/OverviewScreen'
import { useAccounts } from './features/accounts/useAccounts'
import { PrivacyControls } from './features/lock/PrivacyControls'
import { SettingsScreen } from './features/settings/SettingsScreen'
import { InvoicesScreen, type GridRequest } from './features/invoices/InvoicesScreen'
import { SyncControls } from './features/sync/SyncControls'
import { SyncResultBanner } from './features/sync/SyncResultBanner'
import { useSync } from './features/sync/useSync'
import { WelcomeScreen } from './features/welcome/WelcomeScreen'
import type { InvoiceFilter, InvoiceKey, LockStatus } from './lib/contract'
import { subscribe } from './lib/ipc'
import { useAppInfo } from './lib/useAppInfo'
import { useRegionCycling } from './lib/useRegionCycling'

export type View = Screen | 'welcome'

/** Focus moves without a fragment navigation, which the locked-down window has no use for. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault()
  document.getElementById('main')?.focus()
}

type Props = {
  lock: LockStatus
  onLockChanged: (lock: LockStatus) => void
  /** Null until the person navigates: the first screen depends on whether any account exists. Kept by App, so unlocking returns to it. */
  view: View | null
  setView: (view: View) => void
}

/** Everything behind the app lock: mounted only while unlocked, so locking drops every invoice from the page. */
export function Workspace({ lock, onLockChanged, view, setView }: Props) {
  const { state: infoState, retry } = useAppInfo()
  useRegionCycling()
  const accounts = useAccounts()
  const [cacheVersion, setCacheVersion] = useState(0)
  const [gridRequest, setGridRequest] = useState<GridRequest | null>(null)
  const openInvoices = useCallback(
    (filter: InvoiceFilter) => {
      setGridRequest((previous) => ({ id: (previous?.id ?? 0) + 1, filter }))
      setView('invoices')
    },
    [setView]
  )
  const openInvoice = useCallback(
    (key: InvoiceKey) => {
      setGridRequest((previous) => ({ id: (previous?.id ?? 0) + 1, open: key }))
      setView('invoices')
    },
    [setView]
  )
  const sync = useSync(() => {
    setCacheVersion((n) => n + 1)
    void accounts.reload()
  })

  // A provider PDF's text was read in the background: searches and checks may show more now.
  useEffect(() => subscribe('pdfs.textIndexed', () => setCacheVersion((n) => n + 1)), [])

  if (infoState.status !== 'ready') return <Boot state={infoState} onRetry={retry} />

  const { info } = infoState
  const current: View = view ?? (info.accountCount === 0 ? 'welcome' : 'overview')
  const accountList = accounts.accounts ?? []

  return (
    <AccountNamesProvider names={accountList.map((account) => account.name)}>
      <div className="app">
        <a className="skip-link" href="#main" onClick={skipToContent}>
          Skip to content
        </a>
        <SideNav
          current={current === 'welcome' ? null : current}
          onNavigate={setView}
          version={info.version}
          alerts={{ accounts: accountList.filter((account) => account.lastError !== null).length }}
        />
        <div className="workspace">
          <div className="workspace-head">
            <header className="topbar">
              <SyncControls sync={sync} accounts={accountList} onOpenAccounts={() => setView('accounts')} />
              <PrivacyControls lock={lock} onLockChanged={onLockChanged} />
            </header>
            {sync.result && <SyncResultBanner result={sync.result} onDismiss={sync.dismissResult} />}
            <CacheHealthNotice />
          </div>
          <main id="main" className="main" tabIndex={-1}>
            {current === 'welcome' && (
              <WelcomeScreen
                onAddAccount={() => setView('accounts')}
                onDemoReady={() => {
                  void accounts.reload()
                  void sync.run()
                  setView('invoices')
                }}
              />
            )}
            {current === 'invoices' && (
              <InvoicesScreen
                accounts={accountList}
                providers={info.providers}
                refreshKey={`${cacheVersion}:${accounts.version}`}
                syncing={sync.running}
                request={gridRequest}
                onOpenAccounts={() => setView('accounts')}
              />
            )}
            {current === 'overview' && (
              <OverviewScreen
                accounts={accountList}
                providers={info.providers}
                refreshKey={`${cacheVersion}:${accounts.version}`}
                onOpenInvoices={openInvoices}
              />
            )}
            {current === 'aging' && (
              <AgingScreen accounts={accountList} refreshKey={`${cacheVersion}:${accounts.version}`} onOpenInvoices={openInvoices} />
            )}
            {current === 'changes' && (
              <ChangesScreen accounts={accountList} refreshKey={`${cacheVersion}:${accounts.version}`} onOpenInvoices={openInvoices} />
            )}
            {current === 'accounts' && (
              <AccountsScreen
                accounts={accounts}
                providers={info.providers}
                onSyncAccount={(accountId) => void sync.run(accountId)}
                syncing={sync.running}
              />
            )}
            {current === 'activity' && (
              <ActivityScreen providers={info.providers} refreshKey={`${cacheVersion}:${accounts.version}`} onOpenInvoice={openInvoice} />
            )}
            {current === 'duplicates' && <DuplicatesScreen providers={info.providers} refreshKey={`${cacheVersion}:${accounts.version}`} />}
            {current === 'settings' && <SettingsScreen lock={lock} onLockChanged={onLockChanged} />}
          </main>
        </div>
      </div>
    </AccountNamesProvider>
  )
}
