import { z } from 'zod'
import type { ProviderDefinition } from '../connector'
import { CareSquareClient } from './client'

export const caresquare: ProviderDefinition = {
  id: 'caresquare',
  label: 'CareSquare',
  defaultBaseUrl: 'https://api.caresquareapi.com/api/public/v1',
  secretLabel: 'API key',
  requiredOptions: ['planManagerIds'],
  optionalOptions: [],
  options: z
    .object({
      planManagerIds: z
        .array(z.string().uuid('a plan manager id is a UUID'), 'CareSquare needs at least one plan manager id (X-Plan-Manager-Id)')
        .min(1, 'CareSquare needs at least one plan manager id (X-Plan-Manager-Id)')
    })
    .strict(),
  createConnector: (account, secret, deps) => new CareSquareClient(account, secret, deps)
}
