import { z } from 'zod'
import { IsoDate, IsoInstant } from '../../../preload/contract'
import { startOfLocalDay } from '../../reports/calendar'
import { print, printTable, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs, parseValue } from '../parse'

/** A date means the start of that day on this machine's calendar ("since I closed March"). */
const Since = z.union([IsoInstant, IsoDate.transform(startOfLocalDay)], {
  error: 'expected a date (2026-04-01) or a UTC instant (2026-04-01T00:00:00Z)'
})

/** `changes --since`: what Quire saw change across every account, oldest first. */
export function changesCommand(ctx: CliContext, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, {
    since: { type: 'string' },
    account: { type: 'string' },
    json: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`changes: unexpected ${positionals.join(' ')}`)
  if (values.since === undefined) throw new UsageError('changes: --since is required')
  const since = parseValue(Since, values.since, '--since')
  const accountId = values.account === undefined ? null : ctx.core.accounts.byName(values.account).id
  const items = ctx.core.reports.allChanges(since, accountId)
  if (values.json) {
    // Streamed: a first sync adds every invoice at once.
    ctx.stdout.write('{"items":[')
    let written = 0
    for (const { account, provider, remoteId, number, field, from, to, at } of items) {
      ctx.stdout.write(`${written++ === 0 ? '\n' : ',\n'}${JSON.stringify({ account, provider, remoteId, number, field, from, to, at })}`)
    }
    ctx.stdout.write(`${written > 0 ? '\n' : ''}]}\n`)
    return 0
  }
  const rows = [...items].map((item) => [
    item.at,
    `${item.account}/${item.remoteId}`,
    item.number ?? '',
    item.field,
    item.from ?? '',
    item.to ?? ''
  ])
  if (rows.length === 0) print(ctx.stdout, `Nothing changed since ${since}.`)
  else printTable(ctx.stdout, ['SEEN AT', 'ACCOUNT/REMOTE ID', 'NUMBER', 'CHANGE', 'FROM', 'TO'], rows)
  return 0
}
