import type { AccountSummary } from '../lib/contract'

type Props = {
  id: string
  accounts: AccountSummary[]
  /** An account id, or '' for every account. */
  value: string
  onChange: (accountId: string) => void
}

/** A labelled choice of one account or all of them, as the toolbars offer it. */
export function AccountSelect({ id, accounts, value, onChange }: Props) {
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>Account</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All accounts</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  )
}
