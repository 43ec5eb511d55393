import type { FileLog } from '../../log/file-log'
import { tailLines } from '../../log/read-log'
import { print, UsageError, type CliIo } from '../cli-context'
import { parseCommandArgs } from '../parse'

const DEFAULT_LINES = 50
const MAX_LINES = 10_000

/**
 * `quire logs [--path] [--lines N]`: where the log is, or its last lines. Runs without opening
 * the core, so the log can be read even when the cache cannot be opened.
 */
export function logsCommand(io: CliIo, log: FileLog, args: string[]): number {
  const { values, positionals } = parseCommandArgs(args, { path: { type: 'boolean' }, lines: { type: 'string' } })
  if (positionals.length > 0) throw new UsageError(`logs: unexpected ${positionals.join(' ')}`)
  if (values.path) {
    print(io.stdout, log.file)
    return 0
  }
  const count = values.lines === undefined ? DEFAULT_LINES : Number(values.lines)
  if (!Number.isInteger(count) || count < 1 || count > MAX_LINES)
    throw new UsageError(`logs: --lines must be a whole number from 1 to ${MAX_LINES}`)
  const lines = tailLines(log.file, count)
  if (lines.length === 0) io.stderr.write(`quire: nothing logged yet; the log will be ${log.file}\n`)
  for (const line of lines) print(io.stdout, line)
  return 0
}
