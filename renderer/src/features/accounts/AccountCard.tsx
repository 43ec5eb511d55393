import { useId, useState } from 'react'
import { Badge } from '../../components/Badge'
import { Fact, Facts } from '../../components/Facts'
import { Notice } from '../../components/Notice'
import { RelativeTime } from '../../components/RelativeTime'
import type { AccountSummary } from '../../lib/contract'
import { formatCount, formatInstant, plural } from '../../lib/format'
import { AccountOptionFacts } from './AccountOptionFacts'
import { PaymentTermsSection } from './PaymentTermsSection'
import '../documents/documents.css'
import { RemoveAccount } from './RemoveAccount'
import { ReplaceTokenForm } from './ReplaceTokenForm'
import { SkippedRecords } from './SkippedRecords'
import { Button } from '../../components/Button'

type Props = {
  account: AccountSummary
  providerLabel: string
  onChanged: () => void
  onRemoved: () => void
  /** Syncs this account alone. */
  onSync?: () => void
  syncing?: boolean
}

export function AccountCard({ account, providerLabel, onChanged, onRemoved, onSync, syncing = false }: Props) {
  const headingId = useId()
  const [replacing, setReplacing] = useState(false)
  const [replaced, setReplaced] = useState(false)

  return (
    <li className="card account-card" aria-labelledby={headingId}>
      <div className="account-head">
        <h2 id={headingId}>{account.name}</h2>
        {account.demo && <Badge tone="accent">Demo</Badge>}
      </div>
      <Facts className="account-facts">
        <Fact label="Provider">{providerLabel}</Fact>
        <Fact label="Base URL">
          <span className="mono break">{account.baseUrl}</span>
        </Fact>
        <Fact label="Last synced">{account.lastSyncedAt ? <RelativeTime iso={account.lastSyncedAt} /> : 'Never'}</Fact>
        <Fact label="Invoices">{formatCount(account.invoiceCount)}</Fact>
        {account.pdfMismatches > 0 && (
          <Fact label="PDF mismatches" className="account-pdf-mismatches">
            {plural(
              account.pdfMismatches,
              'invoice whose provider PDF prints another number or total',
              'invoices whose provider PDF prints another number or total'
            )}
          </Fact>
        )}
        {account.lastRun && <Fact label="Last run">{describeRun(account.lastRun)}</Fact>}
      </Facts>
      <AccountOptionFacts options={account.options} />
      <PaymentTermsSection account={account} providerLabel={providerLabel} />
      {account.lastError && (
        <p className="inline-alert">
          <strong>{account.failingSince ? <>Failing since {formatInstant(account.failingSince)}:</> : 'Last sync failed:'}</strong>{' '}
          {account.lastError}
        </p>
      )}
      <SkippedRecords account={account} providerLabel={providerLabel} />
      {replaced && !replacing && (
        <Notice tone="success" onDismiss={() => setReplaced(false)}>
          Token replaced. The next sync uses it.
        </Notice>
      )}
      {replacing ? (
        <ReplaceTokenForm
          account={account}
          onCancel={() => setReplacing(false)}
          onReplaced={() => {
            setReplacing(false)
            setReplaced(true)
            onChanged()
          }}
        />
      ) : (
        <div className="actions">
          {onSync && (
            <Button onClick={onSync} disabled={syncing} aria-label={`Sync now: ${account.name}`}>
              Sync now
            </Button>
          )}
          <Button
            onClick={() => {
              setReplaced(false)
              setReplacing(true)
            }}
          >
            Replace token
          </Button>
          <RemoveAccount account={account} onRemoved={onRemoved} />
        </div>
      )}
    </li>
  )
}

/** What the last sync did and cost, e.g. "Changes only · 1 request · 3 invoices". */
function describeRun(run: NonNullable<AccountSummary['lastRun']>): string {
  const what = run.strategy === 'full' ? 'Full walk' : 'Changes only'
  const outcome = run.outcome === 'ok' ? '' : ` · ${run.outcome}`
  return `${what} · ${plural(run.requests, 'request', 'requests')} · ${plural(run.upserted, 'invoice', 'invoices')}${outcome}`
}
