import { useId } from 'react'
import type { CurrencyTotal } from '../../lib/contract'
import { formatCount, plural } from '../../lib/format'
import { Money } from '../../components/HideAmounts'

type Props = {
  filtered: { totals: CurrencyTotal[] | null; failed: boolean }
  selected: { totals: CurrencyTotal[] | null; failed: boolean }
  selectedCount: number
  narrowed: boolean
  onClearSelection: () => void
  /** Void and draft invoices are out of totals unless this is on. */
  includeVoidAndDraft: boolean
  onIncludeVoidAndDraftChange: (include: boolean) => void
}

/**
 * Sums per currency, never added across currencies: each in its own currency's format, the
 * gross total beside the balance still owed, and how many void or draft invoices were left out.
 */
export function TotalsBar({
  filtered,
  selected,
  selectedCount,
  narrowed,
  onClearSelection,
  includeVoidAndDraft,
  onIncludeVoidAndDraftChange
}: Props) {
  const id = useId()
  return (
    <div className="totals-bar">
      <TotalsLine label={narrowed ? 'Matching' : 'All invoices'} state={filtered} />
      {selectedCount > 0 && (
        <div className="totals-selected">
          <TotalsLine label={`Selected (${formatCount(selectedCount)})`} state={selected} />
          <button type="button" className="button button-quiet button-small" onClick={onClearSelection}>
            Clear selection
          </button>
        </div>
      )}
      <div className="totals-rule">
        <input
          id={`${id}-void-draft`}
          type="checkbox"
          checked={includeVoidAndDraft}
          onChange={(e) => onIncludeVoidAndDraftChange(e.target.checked)}
        />
        <label htmlFor={`${id}-void-draft`}>Count void and draft</label>
      </div>
    </div>
  )
}

function TotalsLine({ label, state }: { label: string; state: { totals: CurrencyTotal[] | null; failed: boolean } }) {
  const leftOut = state.totals?.reduce((sum, total) => sum + total.leftOut, 0) ?? 0
  const counted = state.totals?.filter((total) => total.count > 0) ?? []
  return (
    <section className="totals-line" aria-label={`${label} totals`}>
      <span className="totals-label">{label}</span>
      {state.failed ? (
        <span className="muted">Totals could not be worked out.</span>
      ) : state.totals === null ? (
        <span className="muted">Adding up…</span>
      ) : counted.length === 0 && leftOut === 0 ? (
        <span className="muted">Nothing to add up</span>
      ) : (
        <ul className="totals-list">
          {counted.map((total) => (
            <li key={total.currency} className="totals-currency">
              <span className="totals-figure">
                <span className="totals-kind">Total</span>{' '}
                <span className="totals-amount">
                  <Money amount={total.total} currency={total.currency} />
                </span>
              </span>{' '}
              <span className="totals-figure">
                <span className="totals-kind">Balance</span>{' '}
                <span className="totals-amount">
                  <Money amount={total.balance} currency={total.currency} />
                </span>
              </span>{' '}
              <span className="muted">
                {plural(total.count, 'invoice', 'invoices')}
                {total.withoutAmount ? `, ${formatCount(total.withoutAmount)} without an amount (not in the sum)` : ''}
              </span>
            </li>
          ))}
          {leftOut > 0 && (
            <li className="muted totals-left-out">{plural(leftOut, 'void or draft invoice', 'void or draft invoices')} not counted</li>
          )}
        </ul>
      )}
    </section>
  )
}
