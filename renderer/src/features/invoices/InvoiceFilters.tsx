import { useId, useState, type Ref } from 'react'
import type { AccountSummary, ChangeField, InvoiceFlag, InvoiceStatusFilter, ProviderId, ProviderInfo } from '../../lib/contract'
import { useHideAmounts } from '../../components/HideAmounts'
import { AccountSelect } from '../../components/AccountSelect'
import { DateField } from '../../components/DateField'
import { DATE_PRESETS, matchingPreset, presetRange } from './datePresets'
import { amountExample } from './parseLocaleAmount'
import { FLAGS, type FilterForm, type InvoiceFilterState } from './useInvoiceFilters'
import { Button } from '../../components/Button'
import { useMediaQuery } from '../../lib/useMediaQuery'
import { REMOVED_UNDER_MORE_FILTERS } from './layoutQueries'

const CHANGE_OPTIONS: { value: ChangeField | ''; label: string }[] = [
  { value: '', label: 'Any change' },
  { value: 'added', label: 'Added' },
  { value: 'removed', label: 'Removed upstream' },
  { value: 'restored', label: 'Restored' },
  { value: 'status', label: 'Status' },
  { value: 'paymentStatus', label: 'Payment status' },
  { value: 'total', label: 'Total' },
  { value: 'paid', label: 'Paid amount' }
]

const STATUS_OPTIONS: { value: InvoiceStatusFilter | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'draft', label: 'Draft' },
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
  { value: 'void', label: 'Void' },
  { value: 'unknown', label: 'Unknown' }
]

/** The provider flags as filters (CareSquare sets them; other providers' invoices have none). */
const FLAG_FILTER_WORDS: Record<InvoiceFlag, { label: string; only: string; none: string }> = {
  duplicate: { label: 'Duplicates', only: 'Only duplicates', none: 'No duplicates' },
  wontClaim: { label: 'Won’t claim', only: 'Only won’t claim', none: 'No won’t claim' },
  errors: { label: 'Provider errors', only: 'Only with errors', none: 'No errors' }
}

type Props = {
  filters: InvoiceFilterState
  accounts: AccountSummary[]
  providers: ProviderInfo[]
  currencies: string[]
  searchRef: Ref<HTMLInputElement>
  /** Keys that leave the search box for the results; true when handled. */
  onSearchKey?: (key: 'ArrowDown' | 'Enter' | 'Escape') => boolean
}

export function InvoiceFilters({ filters, accounts, providers, currencies, searchRef, onSearchKey }: Props) {
  const id = useId()
  const [more, setMore] = useState(false)
  const { form, update } = filters
  const example = amountExample()
  const { hidden: amountsHidden } = useHideAmounts()
  const removedTucked = useMediaQuery(REMOVED_UNDER_MORE_FILTERS)
  // A filter out of sight is still named: the button counts it while it narrows or widens the list.
  const extraCount = filters.extraCount + (removedTucked && form.removed !== 'hide' ? 1 : 0)

  return (
    <div className="filters" role="search" aria-label="Filter invoices">
      <div className="toolbar">
        <div className="toolbar-search">
          <label htmlFor={`${id}-search`} className="sr-only">
            Search invoices
          </label>
          <input
            ref={searchRef}
            id={`${id}-search`}
            type="search"
            className="search-input"
            placeholder="Search number, name, notes or amount"
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/ Control+F Meta+F"
            value={filters.searchText}
            onChange={(e) => filters.setSearchText(e.target.value)}
            onKeyDown={(e) => {
              // Esc would wipe the query (a search field's own behaviour): it leaves for the results instead.
              if ((e.key === 'ArrowDown' || e.key === 'Enter' || e.key === 'Escape') && onSearchKey?.(e.key)) e.preventDefault()
            }}
          />
        </div>
        <div className="toolbar-field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select
            id={`${id}-status`}
            value={form.status}
            onChange={(e) =>
              update({
                status: pick(
                  STATUS_OPTIONS.map((o) => o.value),
                  e.target.value,
                  ''
                )
              })
            }
          >
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <AccountSelect id={`${id}-account`} accounts={accounts} value={form.accountId} onChange={(accountId) => update({ accountId })} />
        {!removedTucked && <RemovedField id={`${id}-removed`} className="toolbar-field" form={form} update={update} />}
        <Button aria-expanded={more} aria-controls={`${id}-more`} onClick={() => setMore((m) => !m)}>
          More filters{extraCount > 0 ? ` (${extraCount})` : ''}
        </Button>
        {filters.narrowed && (
          <Button variant="quiet" onClick={filters.clear}>
            Clear filters
          </Button>
        )}
      </div>

      {more && (
        <fieldset id={`${id}-more`} className="more-filters">
          <legend className="sr-only">More filters</legend>
          {removedTucked && <RemovedField id={`${id}-removed`} className="field" form={form} update={update} />}
          <div className="field">
            <label htmlFor={`${id}-provider`}>Provider</label>
            <select
              id={`${id}-provider`}
              value={form.provider}
              onChange={(e) => update({ provider: pick(['', ...providers.map((p) => p.id)] as (ProviderId | '')[], e.target.value, '') })}
            >
              <option value="">All providers</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-currency`}>Currency</label>
            <select id={`${id}-currency`} value={form.currency} onChange={(e) => update({ currency: e.target.value })}>
              <option value="">All currencies</option>
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-counterparty`}>Counterparty (exact name)</label>
            <input
              id={`${id}-counterparty`}
              autoComplete="off"
              maxLength={500}
              value={form.counterparty}
              onChange={(e) => update({ counterparty: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pdf`}>PDF</label>
            <select
              id={`${id}-pdf`}
              value={form.hasPdf}
              onChange={(e) => update({ hasPdf: pick(['', 'yes', 'no'] as const, e.target.value, '') })}
            >
              <option value="">Any</option>
              <option value="yes">From the provider</option>
              <option value="no">None from the provider</option>
            </select>
          </div>
          {FLAGS.map((flag) => (
            <div className="field" key={flag}>
              <label htmlFor={`${id}-${flag}`}>{FLAG_FILTER_WORDS[flag].label}</label>
              <select
                id={`${id}-${flag}`}
                value={form[flag]}
                onChange={(e) => update({ [flag]: pick(['', 'yes', 'no'] as const, e.target.value, '') })}
              >
                <option value="">Any</option>
                <option value="yes">{FLAG_FILTER_WORDS[flag].only}</option>
                <option value="no">{FLAG_FILTER_WORDS[flag].none}</option>
              </select>
            </div>
          ))}
          <DateRangeFields id={`${id}-issued`} legend="Issue date" from="issuedFrom" to="issuedTo" form={form} update={update} presets />
          <DateRangeFields id={`${id}-due`} legend="Due date" from="dueFrom" to="dueTo" form={form} update={update} />
          <fieldset className="range">
            <legend>Changed since (as Quire saw it sync)</legend>
            <div className="range-fields">
              <div className="field">
                <label htmlFor={`${id}-changed-since`}>From the start of</label>
                <DateField id={`${id}-changed-since`} value={form.changedSince} onChange={(changedSince) => update({ changedSince })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-changed-field`}>Change</label>
                <select
                  id={`${id}-changed-field`}
                  value={form.changedField}
                  onChange={(e) =>
                    update({
                      changedField: pick(
                        CHANGE_OPTIONS.map((o) => o.value),
                        e.target.value,
                        ''
                      )
                    })
                  }
                >
                  {CHANGE_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          </fieldset>
          <DateRangeFields id={`${id}-period`} legend="Service period" from="periodFrom" to="periodTo" form={form} update={update} />
          <fieldset className="range" disabled={amountsHidden} aria-describedby={amountsHidden ? `${id}-total-off` : undefined}>
            <legend>Total</legend>
            {amountsHidden && (
              <p id={`${id}-total-off`} className="muted field-note">
                Off while amounts are hidden: a range would tell what the hidden amounts are.
              </p>
            )}
            <div className="range-fields">
              {(['totalMin', 'totalMax'] as const).map((key) => (
                <div className="field" key={key}>
                  <label htmlFor={`${id}-${key}`}>{key === 'totalMin' ? 'At least' : 'At most'}</label>
                  <input
                    id={`${id}-${key}`}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder={example}
                    value={form[key]}
                    aria-invalid={filters.invalid[key] || undefined}
                    aria-describedby={filters.invalid[key] ? `${id}-${key}-error` : undefined}
                    onChange={(e) => update({ [key]: e.target.value })}
                  />
                  {filters.invalid[key] && (
                    <span id={`${id}-${key}-error`} className="field-error">
                      Type an amount like {example}
                    </span>
                  )}
                </div>
              ))}
            </div>
          </fieldset>
        </fieldset>
      )}
    </div>
  )
}

/** Whether invoices removed upstream are hidden, shown among the others, or the only ones shown. */
function RemovedField({
  id,
  className,
  form,
  update
}: {
  id: string
  className: string
  form: FilterForm
  update: (patch: Partial<FilterForm>) => void
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>Removed</label>
      <select
        id={id}
        value={form.removed}
        onChange={(e) => update({ removed: pick(['hide', 'include', 'only'] as const, e.target.value, 'hide') })}
      >
        <option value="hide">Hidden</option>
        <option value="include">Shown</option>
        <option value="only">Only removed</option>
      </select>
    </div>
  )
}

type DateKey = 'issuedFrom' | 'issuedTo' | 'dueFrom' | 'dueTo' | 'periodFrom' | 'periodTo'

function DateRangeFields({
  id,
  legend,
  from,
  to,
  form,
  update,
  presets = false
}: {
  id: string
  legend: string
  from: DateKey
  to: DateKey
  form: FilterForm
  update: (patch: Partial<FilterForm>) => void
  /** A picker of calendar ranges (this month, last quarter…) that fills From and To. */
  presets?: boolean
}) {
  // Worked out on each render: a range picked yesterday as "this month" may be another today.
  const now = new Date()
  const preset = presets ? matchingPreset({ from: form[from], to: form[to] }, now) : null
  return (
    <fieldset className="range">
      <legend>{legend}</legend>
      <div className="range-fields">
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <DateField id={`${id}-from`} value={form[from]} onChange={(date) => update({ [from]: date })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <DateField id={`${id}-to`} value={form[to]} onChange={(date) => update({ [to]: date })} />
        </div>
        {presets && (
          <div className="field">
            <label htmlFor={`${id}-preset`}>Range</label>
            <select
              id={`${id}-preset`}
              value={preset ?? ''}
              onChange={(e) => {
                const picked = DATE_PRESETS.find((p) => p.id === e.target.value)
                if (picked) {
                  const range = presetRange(picked.id, new Date())
                  update({ [from]: range.from, [to]: range.to })
                }
              }}
            >
              <option value="">Custom</option>
              {DATE_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {form[from] && form[to] && form[from] > form[to] && (
        <p className="field-error" role="alert">
          From is after To: no invoice can match this range.
        </p>
      )}
    </fieldset>
  )
}

/** A select's value, kept only if it is one of the options. */
function pick<T extends string>(options: readonly T[], value: string, fallback: T): T {
  return (options as readonly string[]).includes(value) ? (value as T) : fallback
}
