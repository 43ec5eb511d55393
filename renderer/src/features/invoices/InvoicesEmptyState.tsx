import { Button } from '../../components/Button'
type Props = {
  narrowed: boolean
  /** Whether the search is the only thing narrowing the list. */
  searchOnly: boolean
  search: string
  syncing: boolean
  /** Main's view of the network; null until known. */
  online: boolean | null
  onClear: () => void
}

/** Says why the list is empty and what would fill it. */
export function InvoicesEmptyState({ narrowed, searchOnly, search, syncing, online, onClear }: Props) {
  if (!narrowed) {
    return (
      <div className="empty-state">
        {syncing ? (
          <p className="empty-title">Syncing — invoices appear here as each account finishes.</p>
        ) : online === false ? (
          <>
            <p className="empty-title">No invoices cached yet, and this computer is offline.</p>
            <p className="muted">Quire syncs once the network is back; after that, invoices stay readable here without one.</p>
          </>
        ) : (
          <>
            <p className="empty-title">No invoices yet — add an account or run a sync.</p>
            <p className="muted">Once an account has synced, its invoices stay readable here without a network.</p>
          </>
        )}
      </div>
    )
  }
  let title = 'No invoices match these filters.'
  if (search) title = searchOnly ? `No invoices match “${search}”.` : `No invoices match “${search}” with these filters.`
  return (
    <div className="empty-state">
      <p className="empty-title">{title}</p>
      <Button onClick={onClear}>Clear search and filters</Button>
    </div>
  )
}
