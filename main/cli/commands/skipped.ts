import { z } from 'zod'
import { print, printJson, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs, parseValue } from '../parse'

/** What a person can do about a skipped record, printed after the list. */
export const SKIPPED_ADVICE =
  'Quire reads these again on every sync and keeps each one as an invoice once the provider sends it in a form Quire can read. To get them fixed sooner, send the record and the reason to the provider’s support.'

/** `skipped [--account NAME] [--json]`: the records held back, with the reason and the redacted record. */
export function skippedCommand(ctx: CliContext, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, {
    account: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`skipped: unexpected ${positionals.join(' ')}`)
  const accountId = values.account === undefined ? null : ctx.core.accounts.byName(values.account).id
  const limit = parseValue(z.coerce.number().int().min(1).max(1000), values.limit ?? '200', '--limit')
  const records = ctx.core.skipped.list(accountId, limit)
  if (values.json) {
    printJson(ctx.stdout, records)
    return 0
  }
  if (records.length === 0) {
    print(ctx.stdout, 'No records are held back: every record the providers sent was kept.')
    return 0
  }
  for (const record of records) {
    print(ctx.stdout, `${record.account}/${record.remoteId ?? '(no id)'} — page ${record.page}, ${record.field}: ${record.reason}`)
    print(ctx.stdout, `  first seen ${record.firstSeenAt}, last seen ${record.lastSeenAt}`)
    print(ctx.stdout, `  ${record.raw}`)
  }
  print(ctx.stderr, `${records.length} record${records.length === 1 ? '' : 's'} held back. ${SKIPPED_ADVICE}`)
  return 0
}
