import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { print, UsageError, type CliContext } from '../cli-context'
import { parseCommandArgs } from '../parse'

/** `quire diagnostics --out FILE.zip [--include-invoice-details]` */
export async function diagnosticsCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, 'include-invoice-details': { type: 'boolean' } })
  if (positionals.length > 0) throw new UsageError(`diagnostics: unexpected ${positionals.join(' ')}`)
  if (!values.out) throw new UsageError('diagnostics: --out FILE.zip is required')
  if (!values.out.toLowerCase().endsWith('.zip')) throw new UsageError('diagnostics: --out must name a .zip file')
  const path = resolve(values.out)
  const includeInvoiceDetails = values['include-invoice-details'] === true
  await ctx.core.diagnostics.writeBundle(path, { appVersion: cliVersion(), includeInvoiceDetails })
  print(
    ctx.stdout,
    `Wrote ${path}${includeInvoiceDetails ? ' (with invoice details)' : ' (amounts, counterparties and notes masked)'}. It holds no secret; read it before you send it.`
  )
  return 0
}

/** The CLI runs from the source tree (tsx) or beside it, where package.json says the version. */
function cliVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown'
    )
  } catch {
    return process.env.npm_package_version ?? 'unknown'
  }
}
