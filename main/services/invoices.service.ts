import type {
  CurrencyTotal,
  InvoiceDetail,
  InvoiceFilter,
  InvoiceKey,
  InvoicePage,
  InvoiceQuery,
  InvoiceSummary,
  LeftOutOfTotals,
  LaunchView,
  SavedView,
  SavedViewState,
  TotalsQuery
} from '../../preload/contract'
import { localIsoDate } from '../../preload/contract/local-date'
import type { Clock } from '../base/clock'
import type { DomainEvents } from '../base/domain-events'
import { AppError } from '../base/errors'
import type { InvoiceChangesRepo } from '../db/invoice-changes.repo'
import type { InvoiceQueryRepo } from '../db/invoice-query'
import type { SavedViewsRepo } from '../db/saved-views.repo'
import type { TotalsOptions, TotalsRule } from '../db/totals-rule'

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

  /** A window with its count (counted now if need be): for the CLI, export and scripts. */
  list(query: InvoiceQuery): InvoicePage & { total: number } {
    const page = this.window(query)
    return { ...page, total: page.total ?? this.count(query) }
  }

  /** A window as fast as it can be found: a new query's first windows may come uncounted (total null). */
  window(query: InvoiceQuery): InvoicePage {
    return this.repo.list(query, this.today())
  }

  openWithoutDueDate(filter: InvoiceFilter): number {
    return this.repo.openWithoutDueDate(filter, this.today())
  }

  count(filter: InvoiceFilter): number {
    return this.repo.count(filter, this.today())
  }

  /** Under the totals rule (main/db/totals-rule.ts): options given here win over the query's own. */
  totals(query: TotalsQuery | (InvoiceFilter & TotalsOptions), options: TotalsOptions = {}): CurrencyTotal[] {
    return this.repo.totals(query, this.today(), options)
  }

  leftOutOfTotals(filter: InvoiceFilter): LeftOutOfTotals {
    return { count: this.repo.leftOutOfTotals(filter, this.today()) }
  }

  selectionTotals(invoices: InvoiceKey[], rule?: TotalsRule): CurrencyTotal[] {
    return this.repo.selectionTotals(invoices, rule)
  }

  byKeys(invoices: InvoiceKey[]): InvoiceSummary[] {
    return this.repo.byKeys(invoices, this.today())
  }

  currencies(): string[] {
    return this.repo.currencies()
  }

  get(accountId: string, remoteId: string): InvoiceDetail {
    const invoice = this.repo.get(accountId, remoteId, this.today())
    if (!invoice) throw new AppError('NOT_FOUND', `Invoice ${remoteId} is not in the cache. Sync the account, or check the id.`)
    return { ...invoice, history: this.changes.history(accountId, remoteId) }
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

  launchView(): LaunchView {
    return this.views.launch()
  }

  setDefaultView(id: number | null): number | null {
    return this.views.setDefault(id)
  }

  rememberLastView(state: SavedViewState): void {
    this.views.rememberLast(state)
  }

  /** "Overdue" means due before today on the user's own calendar, as the renderer shows it. */
  today(): string {
    return localIsoDate(this.clock.now())
  }
}
