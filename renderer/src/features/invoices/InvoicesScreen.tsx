import { useCallback, useEffect, useRef, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary, InvoiceSummary, ProviderInfo } from '../../lib/contract'
import { plural } from '../../lib/format'
import { InvoiceDetailPane } from './InvoiceDetailPane'
import { InvoiceFilters } from './InvoiceFilters'
import { InvoiceGrid } from './InvoiceGrid'
import { invoiceKey } from './invoiceKey'
import { InvoicesEmptyState } from './InvoicesEmptyState'
import { Pager } from './Pager'
import { PAGE_SIZE, useInvoiceFilters } from './useInvoiceFilters'
import { useInvoicePage } from './useInvoicePage'

type Props = {
  accounts: AccountSummary[]
  providers: ProviderInfo[]
  /** Changes whenever the cache may have changed (an account synced, accounts were added or removed). */
  refreshKey: string
  syncing: boolean
}

type Selection = { invoice: InvoiceSummary; focusPane: boolean }

export function InvoicesScreen({ accounts, providers, refreshKey, syncing }: Props) {
  const filters = useInvoiceFilters()
  const { page, loading, error, retry } = useInvoicePage(filters.query, refreshKey)
  const [selection, setSelection] = useState<Selection | null>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const paneRef = useRef<HTMLElement>(null)
  const { accountId, search, status } = filters.values
  const { update, setOffset } = filters

  const providerLabel = useCallback(
    (id: string) => providers.find((p) => p.id === id)?.label ?? id,
    [providers]
  )

  // A filter on an account that has since been removed would silently show nothing.
  useEffect(() => {
    if (accountId && !accounts.some((a) => a.id === accountId)) update({ accountId: '' })
  }, [accounts, accountId, update])

  // The list can shrink under the pager (a removed account); step back to the last real page.
  useEffect(() => {
    if (page && page.items.length === 0 && page.total > 0 && page.offset > 0) {
      setOffset(Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE)
    }
  }, [page, setOffset])

  const closeDetail = useCallback(() => {
    const focusWasInPane = paneRef.current?.contains(document.activeElement) ?? false
    if (focusWasInPane) listRef.current?.querySelector<HTMLElement>('tbody tr[tabindex="0"]')?.focus()
    setSelection(null)
  }, [])

  const selectedKey = selection ? invoiceKey(selection.invoice) : null
  const total = page?.total ?? 0

  return (
    <div className="screen invoices-screen">
      <div className="screen-head screen-head-row">
        <h1>Invoices</h1>
        <p className="match-count" role="status">
          {page ? plural(total, filters.narrowed ? 'matching invoice' : 'invoice', filters.narrowed ? 'matching invoices' : 'invoices') : ''}
        </p>
      </div>
      <InvoiceFilters filters={filters} accounts={accounts} />
      {error && (
        <Notice tone="error">
          {error}{' '}
          <button type="button" className="button button-small" onClick={retry}>
            Try again
          </button>
        </Notice>
      )}
      <div className="invoices-body">
        <div className="invoices-list" ref={listRef}>
          {!page && loading && <p className="muted loading-line">Loading invoices…</p>}
          {page && total === 0 && (
            <InvoicesEmptyState
              narrowed={filters.narrowed}
              searchOnly={!status && !accountId}
              search={search}
              syncing={syncing}
              onClear={filters.clear}
            />
          )}
          {page && total > 0 && (
            <>
              {/* Keyed by page so a new page starts scrolled to the top with its first row tabbable. */}
              <div className="grid-scroll" key={page.offset}>
                <InvoiceGrid
                  items={page.items}
                  total={total}
                  offset={page.offset}
                  busy={loading}
                  selectedKey={selectedKey}
                  providerLabel={providerLabel}
                  onOpen={(invoice, viaKeyboard) => setSelection({ invoice, focusPane: viaKeyboard })}
                />
              </div>
              <Pager offset={page.offset} pageSize={PAGE_SIZE} total={total} onChange={setOffset} />
            </>
          )}
        </div>
        {selection && (
          <InvoiceDetailPane
            key={selectedKey}
            ref={paneRef}
            invoice={selection.invoice}
            providerLabel={providerLabel(selection.invoice.provider)}
            refreshKey={refreshKey}
            focusOnOpen={selection.focusPane}
            onClose={closeDetail}
          />
        )}
      </div>
    </div>
  )
}
