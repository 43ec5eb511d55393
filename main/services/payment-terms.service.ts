import type { AccountPaymentTerms, PaymentTerms } from '../../preload/contract'
import type { DomainEvents } from '../base/domain-events'
import type { EventHub } from '../base/events'
import type { PaymentTermsRepo } from '../db/payment-terms.repo'
import type { AccountsService } from './accounts.service'

/** Per-account payment terms; setting them re-derives the account's due dates and says so. */
export class PaymentTermsService {
  constructor(
    private readonly repo: PaymentTermsRepo,
    private readonly accounts: AccountsService,
    private readonly events: EventHub,
    private readonly domain: DomainEvents
  ) {}

  list(): AccountPaymentTerms[] {
    return this.repo.list()
  }

  async set(accountId: string, terms: PaymentTerms | null): Promise<AccountPaymentTerms> {
    this.accounts.get(accountId)
    this.repo.set(accountId, terms)
    // The derived due dates changed: remembered counts and orders are stale, and the screens should reload.
    await this.domain.emit('invoices.changed', { accountId })
    this.events.emit('accounts.changed', {})
    return { accountId, terms: this.repo.get(accountId) }
  }
}
