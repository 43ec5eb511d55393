import { isAppError } from '../../main/base/errors'
import type { Connector } from '../../main/providers/connector'
import type { UnifiedInvoice } from '../../main/providers/unified-invoice'

/** A connector whose one walk lists exactly these pages, in order. */
export function pagedConnector(pages: UnifiedInvoice[][]): Connector {
  return {
    testConnection: async () => 'ok',
    fetchPage: async (cursor) => {
      const index = cursor === null ? 0 : Number(cursor)
      return { invoices: pages[index]!, next: index + 1 < pages.length ? String(index + 1) : null, requests: 1 }
    }
  }
}

export interface Walk {
  invoices: UnifiedInvoice[]
  pages: number
  requests: number
  /** Every resume point handed out, in order. */
  cursors: string[]
}

/** A connector's whole list, page by page, as the sync engine walks it; `between` runs between pages. */
export async function walkConnector(
  connector: Connector,
  options: { from?: string | null; between?: (pages: number) => Promise<void> } = {}
): Promise<Walk> {
  const walk: Walk = { invoices: [], pages: 0, requests: 0, cursors: [] }
  let cursor = options.from ?? null
  do {
    const page = await connector.fetchPage(cursor)
    walk.invoices.push(...page.invoices)
    walk.pages += 1
    walk.requests += page.requests
    cursor = page.next
    if (cursor !== null) {
      walk.cursors.push(cursor)
      await options.between?.(walk.pages)
    }
  } while (cursor !== null)
  return walk
}

/** The typed failure a promise ends in; anything else (or success) fails the test. */
export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a failure')
}
