import { useRef } from 'react'
import { Notice } from '../../components/Notice'
import type { ProviderInfo } from '../../lib/contract'
import { AccountCard } from './AccountCard'
import { AddAccountForm } from './AddAccountForm'
import type { AccountsState } from './useAccounts'
import './accounts.css'

type Props = {
  accounts: AccountsState
  providers: ProviderInfo[]
  onSyncAccount?: (accountId: string) => void
  syncing?: boolean
}

export function AccountsScreen({ accounts, providers, onSyncAccount, syncing = false }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const list = accounts.accounts
  const providerLabel = (id: string) => providers.find((p) => p.id === id)?.label ?? id

  return (
    <div className="screen accounts-screen">
      <div className="screen-head">
        <h1 ref={headingRef} tabIndex={-1}>
          Accounts
        </h1>
        <p className="screen-lede">Each account is one login at an invoicing service. Tokens stay in your system keychain.</p>
      </div>
      {accounts.error && <Notice tone="error">{accounts.error}</Notice>}
      {list === null && !accounts.error && <p className="muted">Loading accounts…</p>}
      {list?.length === 0 && <p className="empty-inline">No accounts yet. Add one below to start syncing invoices.</p>}
      {list && list.length > 0 && (
        <ul className="account-list" aria-label="Connected accounts">
          {list.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              providerLabel={providerLabel(account.provider)}
              onSync={onSyncAccount && (() => onSyncAccount(account.id))}
              syncing={syncing}
              onChanged={() => void accounts.reload()}
              onRemoved={() => {
                // The card that held focus is going away; land somewhere meaningful instead of <body>.
                headingRef.current?.focus()
                void accounts.reload()
              }}
            />
          ))}
        </ul>
      )}
      <AddAccountForm providers={providers} autoFocus={list?.length === 0} onAdded={() => void accounts.reload()} />
    </div>
  )
}
