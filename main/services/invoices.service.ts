import type { CurrencyTotal, InvoiceDetail, InvoiceFilter, InvoiceKey, InvoicePage, InvoiceQuery, SavedView, SavedViewState, SyncProgress } from '../../preload/contract'
import type { Clock } from '../core/clock'
import type { EventHub } from '../core/events'
import { AppError } from '../core/errors'
import type { InvoiceQueryRepo } from '../db/invoice-query'
import type { SavedViewsRepo } from '../db/saved-views.repo'

/** Browsing the cache: the list, its totals, one invoice, and the views people save. */
export class InvoicesService {
  constructor(
    private readonly repo: InvoiceQueryRepo,
    private readonly views: SavedViewsRepo,
    private readonly clock: Clock,
    events: EventHub
  ) {
    // Every sync page commits, then reports; removing an account cascades to its invoices.
    events.subscribe((event, payload) => {
      if (event === 'accounts.changed' || (event === 'sync.progress' && (payload as SyncProgress).phase !== 'started')) repo.invalidate()
    })
  }

  list(query: InvoiceQuery): InvoicePage {
    return this.repo.list(query, this.today())
  }

  totals(filter: InvoiceFilter): CurrencyTotal[] {
    return this.repo.totals(filter, this.today())
  }

  selectionTotals(invoices: InvoiceKey[]): CurrencyTotal[] {
    return this.repo.selectionTotals(invoices)
  }

  currencies(): string[] {
    return this.repo.currencies()
  }

  get(accountId: string, remoteId: string): InvoiceDetail {
    const invoice = this.repo.get(accountId, remoteId)
    if (!invoice) throw new AppError('NOT_FOUND', `Invoice ${remoteId} is not in the cache. Sync the account, or check the id.`)
    return invoice
  }

  /** The text of a provider PDF was indexed or dropped: searches may find other invoices now. */
  searchIndexChanged(): void {
    this.repo.invalidate()
  }

  listViews(): SavedView[] {
    return this.views.list()
  }

  saveView(name: string, state: SavedViewState): SavedView {
    return this.views.save(name, state, this.clock.now().toISOString())
  }

  removeView(id: number): boolean {
    return this.views.remove(id)
  }

  /** "Overdue" means due before today on the user's own calendar, as the renderer shows it. */
  today(): string {
    return localIsoDate(this.clock.now())
  }
}

export function localIsoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
