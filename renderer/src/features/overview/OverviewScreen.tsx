import './overview.css'
import { Notice } from '../../components/Notice'
import type { AccountSummary, InvoiceFilter, ProviderInfo } from '../../lib/contract'
import { useRememberedState } from '../../lib/rememberedState'
import { CurrencyTiles } from './CurrencyTiles'
import { FreshnessList } from './FreshnessList'
import { MonthlyChart, type Series } from './MonthlyChart'
import { monthDates } from './monthLabel'
import { useOverview } from './useOverview'
import { Button } from '../../components/Button'

type Props = {
  accounts: AccountSummary[]
  providers: ProviderInfo[]
  refreshKey: string
  onOpenInvoices: (filter: InvoiceFilter) => void
}

/** What is owed, per currency, and how fresh each account's data is: the first screen once accounts exist. */
export function OverviewScreen({ accounts, providers, refreshKey, onOpenInvoices }: Props) {
  const [months, setMonths] = useRememberedState<12 | 24>('overview.months', 12)
  const { overview, intervalMinutes, error } = useOverview(months, refreshKey)

  const openMonth = (currency: string) => (month: string, series: Series) =>
    onOpenInvoices({
      includeRemoved: false,
      currency,
      issued: monthDates(month),
      ...(series === 'paid' ? { status: 'paid' as const } : {})
    })

  return (
    <div className="screen overview-screen">
      <div className="screen-head screen-head-row">
        <h1>Overview</h1>
        <div className="segmented" role="group" aria-label="Months shown">
          {([12, 24] as const).map((n) => (
            <Button key={n} size="small" aria-pressed={months === n} onClick={() => setMonths(n)}>
              {n} months
            </Button>
          ))}
        </div>
      </div>
      {error && <Notice tone="error">The overview could not be read from the cache: {error}</Notice>}
      {overview === null && !error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {overview !== null && overview.currencies.length === 0 && (
        <p className="muted">No invoices yet. Sync an account to see what is owed.</p>
      )}
      {overview?.currencies.map((currency) => (
        <section key={currency.currency} className="overview-currency" aria-labelledby={`overview-${currency.currency}`}>
          <h2 id={`overview-${currency.currency}`}>{currency.currency}</h2>
          <CurrencyTiles
            overview={currency}
            today={overview.today}
            dueSoonUntil={overview.dueSoonUntil}
            monthStart={overview.monthStart}
            onOpen={onOpenInvoices}
          />
          <MonthlyChart overview={currency} onOpen={openMonth(currency.currency)} />
        </section>
      ))}
      {intervalMinutes !== null && <FreshnessList accounts={accounts} providers={providers} intervalMinutes={intervalMinutes} />}
    </div>
  )
}
