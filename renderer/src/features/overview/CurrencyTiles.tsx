import type { CurrencyOverview, InvoiceFilter } from '../../lib/contract'
import { plural } from '../../lib/format'
import { useMoney } from '../../components/HideAmounts'

type TileKey = 'outstanding' | 'overdue' | 'dueSoon' | 'paidThisMonth'

const TILES: { key: TileKey; label: string; hint: string }[] = [
  { key: 'outstanding', label: 'Outstanding', hint: 'open, total less paid' },
  { key: 'overdue', label: 'Overdue', hint: 'open and past due' },
  { key: 'dueSoon', label: 'Due in the next 7 days', hint: 'open, due from today' },
  { key: 'paidThisMonth', label: 'Paid this month', hint: 'seen becoming paid since the 1st' }
]

type Props = {
  overview: CurrencyOverview
  today: string
  dueSoonUntil: string
  monthStart: string
  onOpen: (filter: InvoiceFilter) => void
}

/** Four figures for one currency; each opens the invoices it counts. */
export function CurrencyTiles({ overview, today, dueSoonUntil, monthStart, onOpen }: Props) {
  const money = useMoney()
  const { currency } = overview
  const filters: Record<TileKey, InvoiceFilter> = {
    outstanding: { includeRemoved: false, currency, status: 'open' },
    overdue: { includeRemoved: false, currency, status: 'overdue' },
    dueSoon: { includeRemoved: false, currency, status: 'open', due: { from: today, to: dueSoonUntil } },
    paidThisMonth: { includeRemoved: false, currency, status: 'paid', changedSince: { since: monthStart, field: 'status' } }
  }
  return (
    <ul className="tiles" aria-label={`${currency} at a glance`}>
      {TILES.map(({ key, label, hint }) => {
        const tile = overview[key]
        return (
          <li key={key}>
            <button
              type="button"
              className={`tile tile-${key}`}
              onClick={() => onOpen(filters[key])}
              title={`Show these invoices (${hint})`}
            >
              <span className="tile-label">{label}</span>
              <span className="tile-amount">{money(tile.amount, currency)}</span>
              <span className="tile-count">{plural(tile.count, 'invoice', 'invoices')}</span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
