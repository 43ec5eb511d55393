import { z } from 'zod'
import type { RemoteViewSync, ViewSession } from '../../../preload/contract'
import { print, printJson, printTable, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs, parseValue } from '../parse'
import { parseInvoiceReference } from '../invoice-reference'

const SESSION_HEADERS = ['SOURCE', 'USER', 'STARTED', 'ENDED', 'DURATION', 'ACTIVE', 'ENGAGED', 'IDLE']
// DURATION, ACTIVE, ENGAGED and IDLE, counted from the end of the row.
const NUMERIC_FROM_END = 4

/** `activity ACCOUNT/REMOTE_ID` lists one invoice's view sessions; `activity --recent`, the workspace's latest. */
export function activityCommand(ctx: CliContext, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, {
    recent: { type: 'boolean' },
    limit: { type: 'string' },
    json: { type: 'boolean' }
  })
  if (values.recent) {
    if (positionals.length > 0) throw new UsageError('activity --recent takes no invoice')
    return recent(ctx, parseValue(z.coerce.number().int().min(1).max(500), values.limit ?? '50', '--limit'), values.json ?? false)
  }
  if (values.limit !== undefined) throw new UsageError('activity: --limit goes with --recent')
  const { accountId, remoteId } = parseInvoiceReference(ctx, positionals, 'activity (or use --recent)')
  const activity = ctx.core.activity.forInvoice(accountId, remoteId)
  if (values.json) {
    printJson(ctx.stdout, activity)
    return 0
  }
  if (activity.sessions.length === 0) print(ctx.stdout, 'No view sessions for this invoice.')
  else table(ctx, SESSION_HEADERS, activity.sessions.map(sessionCells))
  const { totals } = activity
  const unmeasured = totals.unmeasured > 0 ? `, and ${count(totals.unmeasured, 'session', 'sessions')} still open` : ''
  print(
    ctx.stderr,
    `${count(totals.sessions, 'session', 'sessions')} (${totals.remote} from the provider, ${totals.local} recorded here) by ${count(totals.viewers, 'person', 'people')}: ${duration(totals.durationSeconds)} in all, ${duration(totals.activeSeconds)} active, ${duration(totals.engagedSeconds)} engaged${unmeasured}`
  )
  if (activity.remoteSync) reportSync(ctx, [activity.remoteSync])
  return 0
}

function recent(ctx: CliContext, limit: number, json: boolean): number {
  const activity = ctx.core.activity.recent(limit)
  if (json) {
    printJson(ctx.stdout, activity)
    return 0
  }
  if (activity.sessions.length === 0) print(ctx.stdout, 'No view sessions yet.')
  else
    table(
      ctx,
      ['INVOICE', ...SESSION_HEADERS],
      activity.sessions.map((session) => [`${session.account}/${session.invoiceRemoteId}`, ...sessionCells(session)])
    )
  reportSync(ctx, activity.remoteSync)
  return 0
}

function table(ctx: CliContext, headers: string[], rows: string[][]): void {
  const numeric = Array.from({ length: NUMERIC_FROM_END }, (_, index) => headers.length - 1 - index)
  printTable(ctx.stdout, headers, rows, numeric)
}

function sessionCells(session: ViewSession): string[] {
  const count = (value: number | null): string => (value === null ? '—' : String(value))
  const seconds = (value: number | null): string => (value === null ? '—' : duration(value))
  return [
    session.source,
    session.userName ?? '—',
    instant(session.startedAt),
    session.open ? 'open' : instant(session.endedAt ?? session.lastHeartbeatAt),
    seconds(session.durationSeconds),
    seconds(session.activeSeconds),
    seconds(session.engagedSeconds),
    count(session.idleCount)
  ]
}

/** A failed view-session sync never failed the invoice sync, so it is said here. */
function reportSync(ctx: CliContext, statuses: RemoteViewSync[]): void {
  for (const status of statuses) {
    if (status.error) ctx.stderr.write(`quire: ${status.account}: view sessions could not be synced: ${status.error.message}\n`)
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "2024-01-15 09:30:00Z": to the second, UTC, as sorted. */
function instant(iso: string | null): string {
  return iso === null ? '—' : `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`
}

/** "45s", "4m 05s", "2h 03m". */
function duration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`
  if (minutes > 0) return `${minutes}m ${String(seconds).padStart(2, '0')}s`
  return `${seconds}s`
}
