import type { Database } from 'better-sqlite3'
import { isoNow, type Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { Connector } from '../providers/connector'
import type { ViewSessionsRepo } from './view-sessions.repo'

export interface RemoteSessionSyncDeps {
  db: Database
  sessions: ViewSessionsRepo
  clock: Clock
}

/**
 * Walks every page of an account's remote view sessions. Each page is upserted in one
 * transaction, fetched before it begins (a better-sqlite3 transaction cannot span an await), so
 * an interrupted walk keeps whole pages and a repeat never duplicates. Sessions the provider
 * no longer lists are kept: this is an audit trail, and nothing says they were withdrawn.
 */
export async function syncRemoteSessions(
  deps: RemoteSessionSyncDeps,
  accountId: string,
  fetchPage: NonNullable<Connector['fetchViewSessionPage']>,
  signal: AbortSignal
): Promise<{ pages: number; sessions: number }> {
  let cursor: string | null = null
  let pages = 0
  let sessions = 0
  do {
    const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(cursor, signal).catch((error: unknown) => {
      throw error instanceof AppError && error.code === 'PROVIDER_BAD_RESPONSE'
        ? new AppError(error.code, `View sessions, page ${pages + 1}: ${error.message}`, { cause: error })
        : error
    })
    if (signal.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.')
    const syncedAt = isoNow(deps.clock)
    deps.db
      .transaction(() => {
        for (const session of page.sessions) deps.sessions.upsertRemote(accountId, syncedAt, session)
      })
      .immediate()
    pages += 1
    sessions += page.sessions.length
    cursor = page.next
  } while (cursor !== null)
  return { pages, sessions }
}
