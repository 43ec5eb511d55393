import type { InvoiceStatus } from '../../preload/contract'

/** The parts of an invoice the change log records, as the cache holds them now or held them then. */
export interface TrackedState {
  status: InvoiceStatus
  /** Null: the provider sent no total Quire could read. */
  total: string | null
  paid: string | null
  removed: boolean
}

export interface LoggedChange {
  at: string
  field: string
  before: string | null
  after: string | null
}

const STATUSES: ReadonlySet<string> = new Set<InvoiceStatus>(['draft', 'open', 'paid', 'void', 'unknown'])

/**
 * The invoice as Quire knew it just before `cutoff` (an instant): each field takes the value
 * its first change at or after the cutoff replaced, else its current value. Quire knows what it
 * saw when it synced, so this is the state of the last sync before the cutoff, not the
 * provider's own history. `changes` are this invoice's, in the order they were recorded.
 */
export function stateAsOf(current: TrackedState, changes: readonly LoggedChange[], cutoff: string): TrackedState {
  const state = { ...current }
  const undone = new Set<string>()
  for (const change of changes) {
    if (Date.parse(change.at) < Date.parse(cutoff) || undone.has(change.field)) continue
    undone.add(change.field)
    if (change.field === 'status' && change.before !== null && STATUSES.has(change.before)) state.status = change.before as InvoiceStatus
    else if (change.field === 'total') state.total = change.before === '' ? null : change.before
    else if (change.field === 'paid') state.paid = change.before
    else if (change.field === 'removed') state.removed = change.before === 'true'
  }
  return state
}
