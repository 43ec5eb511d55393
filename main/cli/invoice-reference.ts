import { z } from 'zod'
import type { CliContext } from './cli-context'
import { parseValue } from './parse'

/** ACCOUNT/REMOTE_ID: an account by its name, then the provider's id (which may itself hold a slash). */
const Reference = z.tuple([z.string().regex(/^[^/]+\/.+$/, 'expected ACCOUNT/REMOTE_ID')])

export function parseInvoiceReference(ctx: CliContext, positionals: string[], command: string): { accountId: string; remoteId: string } {
  const [reference] = parseValue(Reference, positionals, command)
  const slash = reference.indexOf('/')
  return { accountId: ctx.core.accounts.byName(reference.slice(0, slash)).id, remoteId: reference.slice(slash + 1) }
}
