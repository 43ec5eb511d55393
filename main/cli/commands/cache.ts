import { join } from 'node:path'
import { rebuildCache } from '../../db/rebuild-cache'
import { print, UsageError, type CliIo } from '../cli-context'

/** Runs without opening the core: its whole point is a cache that cannot be opened. */
export function cacheCommand(io: CliIo, dataDir: string, args: string[], now: Date): number {
  if (args[0] !== 'rebuild' || args.length > 1) throw new UsageError('cache: expected `cache rebuild`')
  const { movedTo, accountsKept } = rebuildCache(join(dataDir, 'quire.sqlite3'), now)
  print(
    io.stdout,
    `Rebuilt the cache. Kept ${accountsKept} account${accountsKept === 1 ? '' : 's'}; the old file is at ${movedTo}. Run \`quire sync\` to fetch your invoices again.`
  )
  return 0
}
