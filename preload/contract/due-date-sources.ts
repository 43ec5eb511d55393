/**
 * Which providers send a due date with their invoices. Only Hoursmith does; elsewhere a due date
 * comes from the account's payment terms or not at all. Shared by main and the renderer, so it
 * imports nothing (the renderer never bundles zod).
 */
const PROVIDERS_SENDING_DUE_DATES: readonly string[] = ['hoursmith']

export function providerSendsDueDates(provider: string): boolean {
  return PROVIDERS_SENDING_DUE_DATES.includes(provider)
}

/** Said wherever an invoice's due date is missing because its provider never sends one. */
export const NO_DUE_DATE_FROM_PROVIDER = 'no due date from this provider'
