import { z } from 'zod'
import type { ProviderDefinition } from '../connector'
import { YetiClient } from './client'

export const yeti: ProviderDefinition = {
  id: 'yeti',
  label: 'Yeti-Switch',
  // Self-hosted: every operator has its own host, e.g. https://billing.example.net/api/rest/customer/v1
  defaultBaseUrl: null,
  secretLabel: 'Password',
  requiredOptions: ['login'],
  optionalOptions: [],
  options: z
    .object({
      login: z.string('Yeti-Switch needs the customer portal login').trim().min(1, 'Yeti-Switch needs the customer portal login'),
      // Checked against the host's addresses in main/net/endpoint-policy.ts: only on a private network.
      allowInsecure: z.boolean().optional()
    })
    .strict(),
  createConnector: (account, secret, deps) => new YetiClient(account, secret, deps)
}
