import { z } from 'zod'
import { AmountUnit } from '../../../preload/contract'
import type { ProviderDefinition } from '../connector'
import { LynkwellClient } from './client'

export const LYNKWELL_DEFAULT_TOKEN_URL = 'https://lynkwell-prod.us.auth0.com/oauth/token'
export const LYNKWELL_DEFAULT_AUDIENCE = 'https://api.lynkwell.com'

export const lynkwell: ProviderDefinition = {
  id: 'lynkwell',
  label: 'Lynkwell',
  defaultBaseUrl: 'https://api.lynkwell.com/billing/v1',
  secretLabel: 'Client secret',
  requiredOptions: ['clientId'],
  optionalOptions: ['tokenUrl', 'audience', 'amountUnit'],
  options: z
    .object({
      clientId: z.string('Lynkwell needs the OAuth client id').trim().min(1, 'Lynkwell needs the OAuth client id'),
      tokenUrl: z.string().url().default(LYNKWELL_DEFAULT_TOKEN_URL),
      audience: z.string().min(1).default(LYNKWELL_DEFAULT_AUDIENCE),
      amountUnit: AmountUnit.default('major')
    })
    .strict(),
  createConnector: (account, secret, deps, tokens) => new LynkwellClient(account, secret, deps, tokens)
}
