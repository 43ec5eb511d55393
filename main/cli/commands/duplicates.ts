import { print, printJson, printTable, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs } from '../parse'

/**
 * `duplicates [--json]`: groups of invoices that look like the same bill, across accounts and
 * providers, for a person to review (groups marked "not duplicates" in the app are left out).
 */
export function duplicatesCommand(ctx: CliContext, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } })
  if (positionals.length > 0) throw new UsageError(`duplicates: unexpected ${positionals.join(' ')}`)
  const { groups, dismissed } = ctx.core.duplicates.list()
  if (values.json) {
    printJson(ctx.stdout, {
      groups: groups.map((group) => ({
        key: group.key,
        reason: group.reason,
        invoices: group.invoices.map((i) => ({
          account: i.account,
          provider: i.provider,
          remoteId: i.remoteId,
          number: i.number,
          counterparty: i.counterparty,
          total: i.total,
          currency: i.currency,
          issueDate: i.issueDate
        }))
      }))
    })
    return 0
  }
  if (groups.length === 0) print(ctx.stdout, 'No likely duplicates.')
  for (const group of groups) {
    const first = group.invoices[0]!
    print(
      ctx.stdout,
      `${first.counterparty} — ${first.total} ${first.currency} — ${group.reason === 'sameNumber' ? 'same number' : 'issued within a week'}`
    )
    printTable(
      ctx.stdout,
      ['ACCOUNT', 'PROVIDER', 'REMOTE ID', 'NUMBER', 'ISSUED'],
      group.invoices.map((i) => [i.account, i.provider, i.remoteId, i.number ?? '', i.issueDate ?? ''])
    )
    print(ctx.stdout)
  }
  if (dismissed > 0) print(ctx.stderr, `(${dismissed} group${dismissed === 1 ? '' : 's'} marked "not duplicates" not shown)`)
  return 0
}
