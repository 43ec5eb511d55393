import { useId } from 'react'
import type { AccountSummary, InvoiceStatus } from '../../lib/contract'
import type { useInvoiceFilters } from './useInvoiceFilters'

const STATUS_OPTIONS: { value: InvoiceStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'draft', label: 'Draft' },
  { value: 'open', label: 'Open' },
  { value: 'paid', label: 'Paid' },
  { value: 'void', label: 'Void' }
]

type Props = {
  filters: ReturnType<typeof useInvoiceFilters>
  accounts: AccountSummary[]
}

export function InvoiceFilters({ filters, accounts }: Props) {
  const id = useId()
  const { values, update } = filters

  return (
    <div className="toolbar" role="search" aria-label="Filter invoices">
      <div className="toolbar-search">
        <label htmlFor={`${id}-search`} className="sr-only">
          Search invoices
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="search-input"
          placeholder="Search invoices"
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          value={filters.searchText}
          onChange={(e) => filters.setSearchText(e.target.value)}
        />
      </div>
      <div className="toolbar-field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={values.status}
          onChange={(e) => update({ status: STATUS_OPTIONS.find((o) => o.value === e.target.value)?.value ?? '' })}
        >
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar-field">
        <label htmlFor={`${id}-account`}>Account</label>
        <select id={`${id}-account`} value={values.accountId} onChange={(e) => update({ accountId: e.target.value })}>
          <option value="">All accounts</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.includeRemoved}
          onChange={(e) => update({ includeRemoved: e.target.checked })}
        />
        Show removed
      </label>
    </div>
  )
}
