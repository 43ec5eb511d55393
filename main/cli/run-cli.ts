import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../app/create-core'
import { defaultDataDir, moveRoamingCache } from '../app/default-data-dir'
import { AppError } from '../base/errors'
import { createFileLog } from '../log/file-log'
import type { Log } from '../log/log'
import type { SecretStore } from '../secrets/secret-store'
import { UsageError, type CliIo } from './cli-context'
import { accountsCommand } from './commands/accounts'
import { activityCommand } from './commands/activity'
import { cacheCommand } from './commands/cache'
import { duplicatesCommand } from './commands/duplicates'
import { diagnosticsCommand } from './commands/diagnostics'
import { logsCommand } from './commands/logs'
import { changesCommand } from './commands/changes'
import { exportCommand } from './commands/export'
import { invoicesCommand } from './commands/invoices'
import { pdfCommand } from './commands/pdf'
import { skippedCommand } from './commands/skipped'
import { reportCommand } from './commands/report'
import { syncCommand } from './commands/sync'

export const USAGE = `Usage: quire [--data-dir DIR] <command>

  accounts add --provider hoursmith --name NAME [--base-url URL] --secret-stdin [--skip-check]
  accounts add --provider caresquare --name NAME --plan-manager-id UUID [--plan-manager-id UUID…] --secret-stdin
  accounts add --provider yeti --name NAME --base-url URL --login LOGIN --secret-stdin [--allow-insecure]
  accounts add --provider lynkwell --name NAME --client-id ID [--token-url URL] [--audience AUD] [--amount-unit major|minor] --secret-stdin
  accounts list [--json]
  accounts replace-secret NAME --secret-stdin   # also confirms the account's current address
  accounts remove NAME
  sync [--account NAME] [--full] [--json]   (exit 0 when every account synced, even with records skipped)
  skipped [--account NAME] [--limit N] [--json]   (records Quire could not read: reason and redacted record)
  invoices list [FILTERS] [--limit N | --all] [--json]
  export --format csv [--out FILE] [--level invoice|line] [--bom] [--delimiter comma|semicolon|tab] [FILTERS]   (the whole filtered set, streamed)
  export --format zip --out FILE [FILTERS]   (a PDF per invoice + manifest.csv + README.txt, for an auditor)
  duplicates [--json]               (invoices that look like the same bill, for review)
  invoices show ACCOUNT/REMOTE_ID [--json]
  activity ACCOUNT/REMOTE_ID [--json]   (who viewed an invoice: provider and local view sessions)
  activity --recent [--limit N] [--json]
  pdf ACCOUNT/REMOTE_ID [--original] [--out FILE] [--json]   (path of the provider's PDF, else of one Quire renders;
                                    --original: the provider's own or a clear failure)
  pdf prefetch [--account NAME] [--json]        (download provider PDFs of open and recent invoices now)
  pdf settings [--policy on-open|prefetch] [--quota-mb N] [--json]
  cache rebuild                     (a damaged cache: keep the accounts, refetch the rest)
  logs [--path] [--lines N]         (the last lines of Quire's log, or where it is)
  diagnostics --out FILE.zip [--include-invoice-details]
                                    (versions, sync state, errors and recent log for support; no secrets,
                                    and amounts, counterparties and notes masked unless asked for)
  report aging [--as-of YYYY-MM-DD] [--by counterparty|account] [FILTERS] [--json | --csv]
                                    (what was owed on that date and how overdue, per currency;
                                     FILTERS without --status, --sort and the removed flags)
  changes --since DATE_OR_INSTANT [--account NAME] [--json]
                                    (invoices added, removed, or whose status, total or paid changed)

FILTERS (invoices list and export): [--account NAME] [--provider P] [--search TEXT]
  [--status draft|open|overdue|paid|void|unknown] [--issued-from DATE] [--issued-to DATE]
  [--due-from DATE] [--due-to DATE] [--period-from DATE] [--period-to DATE] [--min-total AMOUNT]
  [--max-total AMOUNT] [--currency CUR] [--counterparty NAME] [--has-pdf | --no-pdf] [--include-removed | --only-removed]
  [--sort COLUMN[:asc|desc]]   COLUMN: provider account number counterparty issue-date due-date
  status currency total paid pdf. DATE is YYYY-MM-DD; AMOUNT is 1234.56 (or 1,234.56 / 1.234,56).

The data dir defaults to QUIRE_DATA_DIR, else the app's own data folder.
The secret (API key, password, token or client secret) is read from standard input
(--secret-stdin), checked with the provider (unless --skip-check), and kept in the OS keychain only.`

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failed, 2 usage, 130 interrupted. */
export async function runCli(argv: string[], io: CliIo, secrets: SecretStore, env = process.env): Promise<number> {
  let global
  try {
    global = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: false
    })
  } catch (error) {
    io.stderr.write(`quire: ${String(error)}\n${USAGE}\n`)
    return 2
  }
  const commandStart = argv.findIndex((arg) => !arg.startsWith('-') && argv[argv.indexOf(arg) - 1] !== '--data-dir')
  const [command, ...rest] = commandStart === -1 ? [] : argv.slice(commandStart)
  if (global.values.help || command === undefined || command === 'help') {
    io.stdout.write(`${USAGE}\n`)
    return command === undefined && !global.values.help ? 2 : 0
  }
  const dataDirFlag = global.values['data-dir']
  if (typeof dataDirFlag !== 'string') moveRoamingCache(env)
  const dataDir = typeof dataDirFlag === 'string' ? dataDirFlag : defaultDataDir(env)
  const log = createFileLog(join(dataDir, 'logs'))

  if (command === 'logs') {
    try {
      return logsCommand(io, log, rest)
    } catch (error) {
      return report(io, log, error)
    }
  }

  if (command === 'cache') {
    try {
      return cacheCommand(io, dataDir, rest, new Date())
    } catch (error) {
      return report(io, log, error)
    }
  }

  let core
  try {
    core = await createCore({ dataDir, secrets, log })
    if (REACHES_PROVIDERS.has(command)) await core.demo.resume()
  } catch (error) {
    return report(io, log, error)
  }
  const interrupt = (): void => {
    core.sync.cancel()
  }
  process.once('SIGINT', interrupt)
  try {
    const ctx = { ...io, core }
    switch (command) {
      case 'accounts':
        return await accountsCommand(ctx, rest)
      case 'sync':
        return await syncCommand(ctx, rest)
      case 'invoices':
        return await invoicesCommand(ctx, rest)
      case 'export':
        return await exportCommand(ctx, rest)
      case 'activity':
        return activityCommand(ctx, rest)
      case 'pdf':
        return await pdfCommand(ctx, rest)
      case 'duplicates':
        return duplicatesCommand(ctx, rest)
      case 'skipped':
        return skippedCommand(ctx, rest)
      case 'report':
        return reportCommand(ctx, rest)
      case 'changes':
        return changesCommand(ctx, rest)
      case 'diagnostics':
        return await diagnosticsCommand(ctx, rest)
      default:
        throw new UsageError(`unknown command: ${command}`)
    }
  } catch (error) {
    return report(io, log, error)
  } finally {
    process.removeListener('SIGINT', interrupt)
    await core.close()
  }
}

/** Commands that may call a provider: demo accounts need their simulators up for these. */
const REACHES_PROVIDERS = new Set(['sync', 'pdf'])

function report(io: CliIo, log: Log, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr.write(`quire: ${error.message}\n\n${USAGE}\n`)
    return 2
  }
  if (error instanceof AppError) {
    io.stderr.write(`quire: ${error.message}\n`)
    return error.code === 'CANCELLED' ? 130 : 1
  }
  log.error('CLI command failed unexpectedly', error)
  io.stderr.write(`quire: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return 1
}
