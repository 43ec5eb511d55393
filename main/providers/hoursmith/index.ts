import { z } from 'zod'
import type { ProviderDefinition } from '../connector'
import { HoursmithClient } from './client'

export const hoursmith: ProviderDefinition = {
  id: 'hoursmith',
  label: 'Hoursmith',
  defaultBaseUrl: 'https://hoursmith.app/api/v1',
  secretLabel: 'Personal access token',
  requiredOptions: [],
  optionalOptions: [],
  options: z.object({}).strict(),
  createConnector: (account, secret, deps) => new HoursmithClient(account.baseUrl, secret, account.name, deps)
}
