import type { AccountSummary } from '../lib/contract'
import { useShortAccountName } from './AccountName'

type Props = {
  id: string
  accounts: AccountSummary[]
  /** An account id, or '' for every account. */
  value: string
  onChange: (accountId: string) => void
}

/** A labelled choice of one account or all of them, as the toolbars offer it. */
export function AccountSelect({ id, accounts, value, onChange }: Props) {
  const short = useShortAccountName()
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>Account</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All accounts</option>
        {accounts.map((a) => (
          // The closed select is as wide as its longest option: short names keep it narrow.
          <option key={a.id} value={a.id} title={a.name} aria-label={a.name}>
            {short(a.name)}
          </option>
        ))}
      </select>
    </div>
  )
}
