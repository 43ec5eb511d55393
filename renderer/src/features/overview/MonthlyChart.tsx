import { AxisBottom, AxisLeft } from '@visx/axis'
import { Group } from '@visx/group'
import { scaleBand, scaleLinear } from '@visx/scale'
import { Bar } from '@visx/shape'
import { useState, type KeyboardEvent } from 'react'
import type { CurrencyOverview } from '../../lib/contract'
import { useHideAmounts, useMoney } from '../../components/HideAmounts'
import { monthLabel } from './monthLabel'

export type Series = 'issued' | 'paid'

const WIDTH = 760
const HEIGHT = 240
const MARGIN = { top: 12, right: 12, bottom: 28, left: 100 }
const SERIES: { key: Series; label: string }[] = [
  { key: 'issued', label: 'Issued' },
  { key: 'paid', label: 'Paid so far' }
]

type Props = {
  overview: CurrencyOverview
  onOpen: (month: string, series: Series) => void
}

/**
 * Issued and paid per month of issue, one currency. Bars are SVG elements, each focusable and
 * labelled with its exact amount; heights use a float only to draw, never to add. Hovering or
 * focusing a bar shows its month's exact amounts; activating it opens those invoices.
 */
export function MonthlyChart({ overview, onOpen }: Props) {
  const money = useMoney()
  const { hidden } = useHideAmounts()
  const [active, setActive] = useState<string | null>(null)
  const { currency, months } = overview
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const max = Math.max(0, ...months.flatMap((m) => [Number(m.issued), Number(m.paid)]))
  const x = scaleBand<string>({ domain: months.map((m) => m.month), range: [0, innerWidth], padding: 0.25 })
  const inner = scaleBand<Series>({ domain: SERIES.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.1 })
  const y = scaleLinear<number>({ domain: [0, max > 0 ? max : 1], range: [innerHeight, 0], nice: true })
  const shown = months.find((m) => m.month === active) ?? null
  const everyOther = months.length > 12

  const onKey = (event: KeyboardEvent, month: string, series: Series) => {
    if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
    onOpen(month, series)
  }

  return (
    <figure className="chart">
      <figcaption className="chart-caption">
        <span className="chart-title">{currency}: issued and paid, by month of issue</span>
        <span className="chart-legend" aria-hidden="true">
          {SERIES.map((s) => (
            <span key={s.key} className={`chart-key chart-key-${s.key}`}>
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="chart-frame" onMouseLeave={() => setActive(null)}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          role="group"
          aria-label={`${currency} issued and paid per month; each bar opens its invoices`}
        >
          <Group left={MARGIN.left} top={MARGIN.top}>
            <AxisLeft
              scale={y}
              numTicks={4}
              tickFormat={(value) => (hidden ? '•••' : money(String(value), currency))}
              stroke="var(--border-strong)"
              tickStroke="var(--border-strong)"
              tickLabelProps={{ fill: 'var(--text-muted)', fontSize: 11, textAnchor: 'end', dx: -4, dy: 3 }}
            />
            <AxisBottom
              top={innerHeight}
              scale={x}
              tickFormat={(month, index) => (everyOther && index % 2 === 1 ? '' : monthLabel(month, true))}
              stroke="var(--border-strong)"
              tickStroke="var(--border-strong)"
              tickLabelProps={{ fill: 'var(--text-muted)', fontSize: 11, textAnchor: 'middle' }}
            />
            {months.map((m) => (
              <Group key={m.month} left={x(m.month) ?? 0}>
                {SERIES.map((s) => {
                  const amount = m[s.key]
                  const top = y(Number(amount))
                  const label = `${s.label} in ${monthLabel(m.month)}: ${money(amount, currency)}. Show these invoices`
                  return (
                    <Bar
                      key={s.key}
                      className={`chart-bar chart-bar-${s.key}`}
                      x={inner(s.key) ?? 0}
                      y={top}
                      width={inner.bandwidth()}
                      height={Math.max(innerHeight - top, 1)}
                      role="button"
                      tabIndex={0}
                      aria-label={label}
                      data-month={m.month}
                      data-series={s.key}
                      onMouseEnter={() => setActive(m.month)}
                      onFocus={() => setActive(m.month)}
                      onBlur={() => setActive(null)}
                      onClick={() => onOpen(m.month, s.key)}
                      onKeyDown={(event: KeyboardEvent) => onKey(event, m.month, s.key)}
                    />
                  )
                })}
              </Group>
            ))}
          </Group>
        </svg>
        {shown && (
          <div className="chart-tooltip" role="status">
            <strong>{monthLabel(shown.month)}</strong>
            <span>Issued: {money(shown.issued, currency)}</span>
            <span>Paid so far: {money(shown.paid, currency)}</span>
          </div>
        )}
      </div>
    </figure>
  )
}
