/** Remote ids are only unique within an account, so an invoice is named by both. */
export function invoiceKey(invoice: { accountId: string; remoteId: string }): string {
  return `${invoice.accountId}/${invoice.remoteId}`
}
