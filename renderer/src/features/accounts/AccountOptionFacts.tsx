import { Fact, Facts } from '../../components/Facts'
import type { ProviderOptions } from '../../lib/contract'
import { formatCount } from '../../lib/format'

/** An account's non-secret provider settings; the secret is never among them. */
export function AccountOptionFacts({ options }: { options: ProviderOptions }) {
  const { planManagerIds, login, clientId, tokenUrl, audience, allowInsecure, amountUnit } = options
  if (!planManagerIds && !login && !clientId && !tokenUrl && !audience && !allowInsecure && !amountUnit) return null

  return (
    <Facts className="account-facts account-options">
      {planManagerIds && (
        <Fact label={`Plan managers (${formatCount(planManagerIds.length)})`}>
          <ul className="id-list mono">
            {planManagerIds.map((id, index) => (
              <li key={index}>{id}</li>
            ))}
          </ul>
        </Fact>
      )}
      {login && <Fact label="Login">{login}</Fact>}
      {clientId && (
        <Fact label="Client ID">
          <span className="mono break">{clientId}</span>
        </Fact>
      )}
      {tokenUrl && (
        <Fact label="Token URL">
          <span className="mono break">{tokenUrl}</span>
        </Fact>
      )}
      {allowInsecure && <Fact label="Connection">Insecure (http) allowed: the password crosses your network unencrypted</Fact>}
      {audience && (
        <Fact label="Audience">
          <span className="mono break">{audience}</span>
        </Fact>
      )}
      {amountUnit && <Fact label="Amounts in">{amountUnit === 'minor' ? 'cents (minor units)' : 'dollars (major units)'}</Fact>}
    </Facts>
  )
}
