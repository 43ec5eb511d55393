import { once } from 'node:events'
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { z } from 'zod'
import { ExportLevel } from '../../../preload/contract'
import { PRIVATE_FILE_MODE } from '../../storage/private-files'
import { print, UsageError, type CliContext } from '../cli-context'
import { FILTER_OPTIONS, listingFromArgs } from '../invoice-filter-args'
import { parseCommandArgs, parseValue } from '../parse'

/**
 * `export --format csv`: every invoice the filters match (not a page), streamed to --out or to
 * standard output. A file appears only when complete: it is written beside its name and renamed.
 */
export async function exportCommand(ctx: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...FILTER_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    level: { type: 'string' },
    bom: { type: 'boolean' }
  })
  if (positionals.length > 0) throw new UsageError(`export: unexpected ${positionals.join(' ')}`)
  parseValue(z.literal('csv', { error: 'only csv is supported' }), values.format ?? 'csv', '--format')
  const request = {
    query: listingFromArgs(ctx, values),
    level: parseValue(ExportLevel, values.level ?? 'invoice', '--level'),
    bom: values.bom ?? false
  }
  if (values.out === undefined) {
    await ctx.core.exports.write(request, ctx.stdout)
    return 0
  }
  const partial = `${values.out}.partial`
  const file = createWriteStream(partial, { mode: PRIVATE_FILE_MODE })
  const closed = once(file, 'close')
  try {
    let counts
    try {
      counts = await ctx.core.exports.write(request, file)
    } finally {
      file.end()
      await closed
    }
    renameSync(partial, values.out)
    print(ctx.stderr, `Exported ${counts.invoices} invoices (${counts.rows} rows) to ${values.out}`)
    return 0
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}
