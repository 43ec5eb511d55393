import { formatCount } from '../../lib/format'

type Props = {
  offset: number
  pageSize: number
  total: number
  onChange: (offset: number) => void
}

export function Pager({ offset, pageSize, total, onChange }: Props) {
  const from = total === 0 ? 0 : offset + 1
  const to = Math.min(offset + pageSize, total)

  return (
    <nav className="pager" aria-label="Pages">
      <span className="pager-range">{`${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`}</span>
      <button
        type="button"
        className="button button-small"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        Previous
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={to >= total}
        onClick={() => onChange(offset + pageSize)}
      >
        Next
      </button>
    </nav>
  )
}
