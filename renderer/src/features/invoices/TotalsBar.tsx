import { useId, useState } from 'react'
import type { CurrencyTotal } from '../../lib/contract'
import { formatCount, plural } from '../../lib/format'
import { useMediaQuery } from '../../lib/useMediaQuery'
import { Money } from '../../components/HideAmounts'
import { Button } from '../../components/Button'
import { DETAIL_AS_DRAWER, SHORT_WINDOW } from './layoutQueries'

type Props = {
  filtered: { totals: CurrencyTotal[] | null; failed: boolean }
  selected: { totals: CurrencyTotal[] | null; failed: boolean }
  selectedCount: number
  /** Every matching invoice is selected, loaded or not (the filter itself, not its keys). */
  allMatching: boolean
  matchingCount: number
  onSelectAllMatching: () => void
  narrowed: boolean
  /** Duplicates and won't-claim invoices matching: left out of the totals unless counted. */
  leftOut: { count: number | null; counted: boolean; onChange: (counted: boolean) => void }
  onClearSelection: () => void
  /** Void and draft invoices are out of totals unless this is on. */
  includeVoidAndDraft: boolean
  onIncludeVoidAndDraftChange: (include: boolean) => void
}

/**
 * Sums per currency, never added across currencies: each in its own currency's format, the
 * gross total beside the balance still owed, and how many void or draft invoices were left out.
 * Two switches count what the totals leave out by default: duplicates and won't-claim invoices
 * (shown when any match), and void and draft invoices.
 *
 * In a short window the footer is folded so the list keeps its rows: each line shows the
 * currencies with the most invoices and names the others on a button that unfolds them all.
 */
export function TotalsBar({
  filtered,
  selected,
  selectedCount,
  allMatching,
  matchingCount,
  onSelectAllMatching,
  narrowed,
  leftOut,
  onClearSelection,
  includeVoidAndDraft,
  onIncludeVoidAndDraftChange
}: Props) {
  const id = useId()
  const short = useMediaQuery(SHORT_WINDOW)
  // Where the detail is a side pane, not a drawer, a folded line fits two currencies beside its button.
  const wide = !useMediaQuery(DETAIL_AS_DRAWER)
  const [unfolded, setUnfolded] = useState(false)
  const fold: Fold | null = short ? { limit: wide ? 2 : 1, unfolded, onToggle: () => setUnfolded(!unfolded) } : null
  return (
    <div className={fold ? 'totals-bar is-foldable' : 'totals-bar'}>
      <TotalsLine label={narrowed ? 'Matching' : 'All invoices'} state={filtered} fold={fold} />
      {leftOut.count !== null && leftOut.count > 0 && (
        <LeftOutSwitch count={leftOut.count} counted={leftOut.counted} onChange={leftOut.onChange} />
      )}
      {selectedCount > 0 && (
        <div className="totals-selected">
          <TotalsLine
            label={allMatching ? `Selected (all ${formatCount(selectedCount)} matching)` : `Selected (${formatCount(selectedCount)})`}
            state={selected}
            fold={fold}
          />
          {!allMatching && selectedCount < matchingCount && (
            <Button variant="quiet" size="small" aria-keyshortcuts="Control+Shift+A Meta+Shift+A" onClick={onSelectAllMatching}>
              Select all {formatCount(matchingCount)} matching
            </Button>
          )}
          <Button variant="quiet" size="small" onClick={onClearSelection}>
            Clear selection
          </Button>
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

/** How many currencies a folded line shows, whether it is unfolded now, and the button that changes it. */
type Fold = { limit: number; unfolded: boolean; onToggle: () => void }

function TotalsLine({
  label,
  state,
  fold
}: {
  label: string
  state: { totals: CurrencyTotal[] | null; failed: boolean }
  fold: Fold | null
}) {
  const listId = useId()
  const leftOut = state.totals?.reduce((sum, total) => sum + total.leftOut, 0) ?? 0
  const counted = state.totals?.filter((total) => total.count > 0) ?? []
  // Folded, the currencies with the most invoices come first; otherwise the order main gives.
  const ordered = fold ? [...counted].sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency)) : counted
  const shown = fold && !fold.unfolded ? ordered.slice(0, fold.limit) : ordered
  const folded = ordered.slice(shown.length)
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
        <ul className="totals-list" id={listId}>
          {shown.map((total) => (
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
          {fold && ordered.length > fold.limit && (
            <li>
              <Button variant="quiet" size="small" aria-expanded={fold.unfolded} aria-controls={listId} onClick={fold.onToggle}>
                {!fold.unfolded
                  ? `+${plural(folded.length, 'more currency', 'more currencies')}: ${folded.map((total) => total.currency).join(', ')}`
                  : 'Fewer currencies'}
              </Button>
            </li>
          )}
          {leftOut > 0 && (
            <li className="muted totals-void-draft-left-out">
              {plural(leftOut, 'void or draft invoice', 'void or draft invoices')} not counted
            </li>
          )}
        </ul>
      )}
    </section>
  )
}

/** Says what the totals leave out, and lets the person count it after all. */
function LeftOutSwitch({ count, counted, onChange }: { count: number; counted: boolean; onChange: (counted: boolean) => void }) {
  return (
    <label className="totals-left-out">
      <input type="checkbox" checked={counted} onChange={(e) => onChange(e.target.checked)} /> Count{' '}
      {plural(count, 'duplicate or won’t-claim invoice', 'duplicate or won’t-claim invoices')}
      {counted ? '' : <span className="muted"> (left out of these totals)</span>}
    </label>
  )
}
