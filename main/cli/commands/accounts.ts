import { z } from 'zod'
import { AccountName, AmountUnit, BaseUrl, ProviderId, ProviderOptions } from '../../../preload/contract'
import { toAccountSummary } from '../../services/account-summary'
import { print, printJson, printTable, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs, parseValue, readSecret } from '../parse'

export async function accountsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const [verb, ...rest] = args
  switch (verb) {
    case 'add':
      return add(ctx, rest)
    case 'list':
      return list(ctx, rest)
    case 'remove':
      return remove(ctx, rest)
    case 'replace-secret':
      return replaceSecret(ctx, rest)
    default:
      throw new UsageError(`accounts: expected add, list, remove or replace-secret, got ${verb ?? 'nothing'}`)
  }
}

async function add(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    provider: { type: 'string' },
    name: { type: 'string' },
    'base-url': { type: 'string' },
    'plan-manager-id': { type: 'string', multiple: true },
    login: { type: 'string' },
    'client-id': { type: 'string' },
    'token-url': { type: 'string' },
    audience: { type: 'string' },
    'amount-unit': { type: 'string' },
    'secret-stdin': { type: 'boolean' },
    'skip-check': { type: 'boolean' },
    'allow-insecure': { type: 'boolean' },
    json: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`accounts add: unexpected ${positionals.join(' ')}`)
  if (!values['secret-stdin'])
    throw new UsageError('accounts add: the secret is read from standard input only; pass --secret-stdin and pipe it in')
  const provider = parseValue(ProviderId, values.provider, '--provider')
  const name = parseValue(AccountName, values.name, '--name')
  const baseUrl = values['base-url'] === undefined ? undefined : parseValue(BaseUrl, values['base-url'], '--base-url')
  const given = {
    planManagerIds: values['plan-manager-id'],
    login: values.login,
    clientId: values['client-id'],
    tokenUrl: values['token-url'],
    audience: values.audience,
    amountUnit: values['amount-unit'] === undefined ? undefined : parseValue(AmountUnit, values['amount-unit'], '--amount-unit'),
    allowInsecure: values['allow-insecure']
  }
  // Flags not given are absent, not undefined: each provider rejects options it does not use.
  const options = parseValue(
    ProviderOptions,
    Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
    'provider options'
  )
  const secret = await readSecret(ctx.stdin)
  // A wrong secret is caught now, not at the first sync; --skip-check adds an account while offline.
  if (!values['skip-check']) await ctx.core.accounts.testConnection({ provider, baseUrl, options, secret }, { name })
  const account = await ctx.core.accounts.add({ provider, name, baseUrl, options, secret })
  if (values.json) printJson(ctx.stdout, toAccountSummary(account))
  else print(ctx.stdout, `Added ${account.name} (${account.provider}, ${account.baseUrl}). Its secret is in the OS keychain.`)
  return 0
}

function list(ctx: CliContext, args: string[]): number {
  const { values } = parseCommandArgs(args, { json: { type: 'boolean' } })
  const accounts = ctx.core.accounts.list().map(toAccountSummary)
  if (values.json) {
    printJson(ctx.stdout, accounts)
    return 0
  }
  if (accounts.length === 0) {
    print(ctx.stdout, 'No accounts yet. Add one with: quire accounts add --provider hoursmith --name NAME --secret-stdin')
    return 0
  }
  printTable(
    ctx.stdout,
    ['NAME', 'PROVIDER', 'INVOICES', 'LAST SYNCED', 'BASE URL', 'LAST ERROR'],
    accounts.map((a) => [a.name, a.provider, String(a.invoiceCount), a.lastSyncedAt ?? 'never', a.baseUrl, a.lastError ?? '']),
    [2]
  )
  return 0
}

/** Tests the secret with the provider first (`--skip-check` to store it untested); also confirms the account's current address: the new keychain entry is bound to it. */
async function replaceSecret(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { 'secret-stdin': { type: 'boolean' }, 'skip-check': { type: 'boolean' } })
  const name = parseValue(z.tuple([AccountName]), positionals, 'accounts replace-secret NAME')[0]
  if (!values['secret-stdin'])
    throw new UsageError('accounts replace-secret: the secret is read from standard input only; pass --secret-stdin and pipe it in')
  const account = ctx.core.accounts.byName(name)
  const secret = await readSecret(ctx.stdin)
  await ctx.core.accounts.replaceSecret(account.id, secret, { skipCheck: values['skip-check'] === true })
  print(ctx.stdout, `Replaced the secret of ${account.name}; it is now confirmed for ${account.baseUrl}.`)
  return 0
}

async function remove(ctx: CliContext, args: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(args, {})
  const name = parseValue(z.tuple([AccountName]), positionals, 'accounts remove NAME')[0]
  const account = ctx.core.accounts.byName(name)
  await ctx.core.accounts.remove(account.id)
  print(ctx.stdout, `Removed ${account.name}, its cached invoices and its keychain entry.`)
  return 0
}
