import type { InvoiceDetail, InvoicePage, InvoiceQuery } from '../../preload/contract'
import { AppError } from '../core/errors'
import type { InvoicesRepo } from '../db/invoices.repo'

export class InvoicesService {
  constructor(private readonly repo: InvoicesRepo) {}

  list(query: InvoiceQuery): InvoicePage {
    return this.repo.list(query)
  }

  get(accountId: string, remoteId: string): InvoiceDetail {
    const invoice = this.repo.get(accountId, remoteId)
    if (!invoice) throw new AppError('NOT_FOUND', `Invoice ${remoteId} is not in the cache. Sync the account, or check the id.`)
    return invoice
  }
}
