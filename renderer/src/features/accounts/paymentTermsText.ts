import type { PaymentTerms } from '../../lib/contract'

/** "Net 30 from the issue date": how the terms read on the account card and in the detail pane. */
export function describePaymentTerms(terms: PaymentTerms): string {
  return `Net ${terms.netDays} ${terms.netDays === 1 ? 'day' : 'days'} from the ${terms.basis === 'issueDate' ? 'issue date' : 'end of the service period'}`
}
