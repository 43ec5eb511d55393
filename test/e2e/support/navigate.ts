import type { Page } from '@playwright/test'

/** The Overview is the first screen once accounts exist; the grid is one click away. */
export async function showInvoices(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
}
