import type { CurrencyTotal, InvoiceDetail, InvoiceFilter, InvoiceKey, InvoicePage, InvoiceQuery, SavedView, SavedViewState } from '../../preload/contract'
import type { Clock } from '../base/clock'
import type { DomainEvents } from '../base/domain-events'
import { AppError } from '../base/errors'
import type { InvoiceChangesRepo } from '../db/invoice-changes.repo'
import type { InvoiceQueryRepo } from '../db/invoice-query'
import type { SavedViewsRepo } from '../db/saved-views.repo'

/** Browsing the cache: the list, its totals, one invoice, and the views people save. */
export class InvoicesService {
  constructor(
    private readonly repo: InvoiceQueryRepo,
    private readonly views: SavedViewsRepo,
    private readonly clock: Clock,
    private readonly changes: InvoiceChangesRepo,
    domain: DomainEvents
  ) {
    domain.on('invoices.changed', () => repo.invalidate())
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
    return { ...invoice, history: this.changes.history(accountId, remoteId) }
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
