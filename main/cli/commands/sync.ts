import { print, printJson, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs } from '../parse'

/** Exit 0 only when every account synced. */
export async function syncCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    account: { type: 'string' },
    full: { type: 'boolean' },
    json: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`sync: unexpected ${positionals.join(' ')}`)
  const accountId = values.account === undefined ? undefined : ctx.core.accounts.byName(values.account).id
  if (!values.json) {
    ctx.core.events.subscribe((event, payload) => {
      if (event !== 'sync.progress') return
      const p = payload as { account: string; phase: string; pages: number; upserted: number }
      if (p.phase === 'page') ctx.stderr.write(`${p.account}: ${p.pages} pages, ${p.upserted} invoices\n`)
    })
  }
  const outcomes = await ctx.core.sync.run(accountId, { full: values.full ?? false })
  if (values.json) printJson(ctx.stdout, outcomes)
  else if (outcomes.length === 0) print(ctx.stdout, 'No accounts to sync. Add one with: quire accounts add …')
  for (const outcome of outcomes) {
    if (outcome.error) ctx.stderr.write(`quire: ${outcome.account}: ${outcome.error.message}\n`)
    else if (!values.json) {
      const how = outcome.strategy === 'incremental' ? 'changed invoices' : 'invoices'
      print(
        ctx.stdout,
        `${outcome.account}: synced ${outcome.upserted} ${how} in ${outcome.pages} pages (${outcome.requests} requests), ${outcome.removed} removed upstream${outcome.resumed ? ', resumed' : ''}.`
      )
    }
    // Skips do not fail a sync (the rest was kept), so they are a warning, one line per account.
    if (outcome.skipped > 0 && !values.json) {
      const records = outcome.skipped === 1 ? '1 record' : `${outcome.skipped} records`
      ctx.stderr.write(
        `quire: warning: ${outcome.account}: ${records} could not be read and ${outcome.skipped === 1 ? 'was' : 'were'} skipped; see: quire skipped --account ${JSON.stringify(outcome.account)}\n`
      )
    }
  }
  return outcomes.every((outcome) => outcome.ok) ? 0 : 1
}
