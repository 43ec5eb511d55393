import { parseArgs } from 'node:util'
import { createCore } from '../core/create-core'
import { defaultDataDir } from '../core/default-data-dir'
import { AppError } from '../core/errors'
import type { SecretStore } from '../secrets/secret-store'
import { UsageError, type CliIo } from './cli-context'
import { accountsCommand } from './commands/accounts'
import { cacheCommand } from './commands/cache'
import { invoicesCommand } from './commands/invoices'
import { syncCommand } from './commands/sync'

export const USAGE = `Usage: quire [--data-dir DIR] <command>

  accounts add --provider hoursmith --name NAME [--base-url URL] --secret-stdin [--skip-check]
  accounts add --provider caresquare --name NAME --plan-manager-id UUID [--plan-manager-id UUID…] --secret-stdin
  accounts add --provider yeti --name NAME --base-url URL --login LOGIN --secret-stdin
  accounts add --provider lynkwell --name NAME --client-id ID [--token-url URL] [--audience AUD] --secret-stdin
  accounts list [--json]
  accounts remove NAME
  sync [--account NAME] [--full] [--json]
  invoices list [--account NAME] [--search TEXT] [--status S] [--limit N | --all] [--include-removed] [--json]
  invoices show ACCOUNT/REMOTE_ID [--json]
  cache rebuild                     (a damaged cache: keep the accounts, refetch the rest)

The data dir defaults to QUIRE_DATA_DIR, else the app's own data folder.
The secret (API key, password, token or client secret) is read from standard input
(--secret-stdin), checked with the provider (unless --skip-check), and kept in the OS keychain only.`

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failed, 2 usage, 130 interrupted. */
export async function runCli(argv: string[], io: CliIo, secrets: SecretStore, env = process.env): Promise<number> {
  let global
  try {
    global = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: false })
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
  const dataDir = typeof dataDirFlag === 'string' ? dataDirFlag : defaultDataDir(env)

  if (command === 'cache') {
    try {
      return cacheCommand(io, dataDir, rest, new Date())
    } catch (error) {
      return report(io, error)
    }
  }

  let core
  try {
    core = await createCore({ dataDir, secrets })
  } catch (error) {
    return report(io, error)
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
      default:
        throw new UsageError(`unknown command: ${command}`)
    }
  } catch (error) {
    return report(io, error)
  } finally {
    process.removeListener('SIGINT', interrupt)
    await core.close()
  }
}

function report(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr.write(`quire: ${error.message}\n\n${USAGE}\n`)
    return 2
  }
  if (error instanceof AppError) {
    io.stderr.write(`quire: ${error.message}\n`)
    return error.code === 'CANCELLED' ? 130 : 1
  }
  io.stderr.write(`quire: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  return 1
}
