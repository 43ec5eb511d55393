import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator } from '@playwright/test'
import { buildLargeCache, fixtureInvoice } from '../helpers/large-cache'
import { parseCsv } from '../helpers/csv'
import { tempDir } from '../helpers/temp-dir'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'

/**
 * Issue #19, "rows cannot get out": export only the picked rows, with the separator a
 * comma-decimal spreadsheet expects (remembered), and select every matching invoice, not only
 * the loaded ones, for the totals, copy and export.
 */
const COUNT = 2_000

test.describe('rows out of the grid', () => {
  let dir: ReturnType<typeof tempDir>
  let host: RunningHost | null = null
  const exportDir = () => join(dir.path, 'exports')
  const live = Array.from({ length: COUNT }, (_, i) => fixtureInvoice(i + 1)).filter((f) => !f.removed)
  const newestFirst = (a: (typeof live)[number], b: (typeof live)[number]) =>
    a.issueDate < b.issueDate ? 1 : a.issueDate > b.issueDate ? -1 : b.id - a.id

  test.beforeEach(async () => {
    dir = tempDir('quire-rows-out-')
    buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT).close()
    // The host inherits the environment: its exports go to this test's folder, never ~/Downloads.
    process.env.QUIRE_EXPORT_DIR = exportDir()
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    delete process.env.QUIRE_EXPORT_DIR
    dir.remove()
  })

  test('exports the three picked rows with a remembered semicolon, and selects all matching', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
    const shown = [...live].sort(newestFirst)

    // Pick three rows, one of them not next to the others.
    await row(grid, 1).click({ modifiers: ['ControlOrMeta'] })
    await row(grid, 2).click({ modifiers: ['ControlOrMeta'] })
    await row(grid, 4).click({ modifiers: ['ControlOrMeta'] })
    await expect(page.getByRole('region', { name: 'Selected (3) totals' })).toBeVisible()

    await page.getByRole('button', { name: 'Export CSV…' }).click()
    const form = page.getByRole('form', { name: 'Export CSV' })
    await expect(form.getByLabel('Selected rows (3)')).toBeChecked()
    await expect(form.getByLabel(`All ${live.length.toLocaleString('en-US')} matching`)).not.toBeChecked()
    await expect(form.getByLabel('Comma', { exact: true })).toBeChecked()
    await form.getByLabel(/^Semicolon/).check()
    await form.screenshot({ path: join('test-results', 'rows-out-export-form.png') })
    await form.getByRole('button', { name: 'Export 3 invoices' }).click()
    const banner = page.getByRole('status').filter({ hasText: 'Exported' })
    await expect(banner).toContainText('Exported 3 invoices')
    // The loopback host has no desktop to open files with: the buttons are there, off, and say where they work.
    for (const name of ['Open', 'Show in folder']) {
      await expect(banner.getByRole('button', { name, exact: true })).toBeDisabled()
      await expect(banner.getByRole('button', { name, exact: true })).toHaveAttribute('title', 'Available in the Quire desktop app')
    }
    await banner.screenshot({ path: join('test-results', 'rows-out-export-banner.png') })
    const [file] = readdirSync(exportDir())
    const text = readFileSync(join(exportDir(), file!), 'utf8')
    expect(text.split('\r\n')[0]).toMatch(/^account;provider;remote_id;/)
    const [header, ...rows] = parseCsv(text, ';')
    expect(rows.map((r) => r[header!.indexOf('remote_id')])).toEqual([shown[0]!, shown[1]!, shown[3]!].map((f) => f.remoteId))

    // The separator is remembered by main, so it survives a restart of the app.
    await host!.stop()
    host = await startHost(dir.path)
    await page.goto(host.url)
    await showInvoices(page)
    await page.getByRole('button', { name: 'Export CSV…' }).click()
    await expect(page.getByRole('form', { name: 'Export CSV' }).getByLabel(/^Semicolon/)).toBeChecked()
    await page.getByRole('button', { name: 'Export CSV…' }).click()

    // Select all matching a filter: more than the loaded rows, counted by main.
    await page.getByLabel('Status', { exact: true }).selectOption('Paid')
    const paid = live.filter((f) => f.status === 'paid')
    const count = paid.length.toLocaleString('en-US')
    await expect(grid).toHaveAttribute('aria-rowcount', String(paid.length))
    await row(grid, 2).click({ modifiers: ['ControlOrMeta'] })
    await page.getByRole('button', { name: `Select all ${count} matching` }).click()
    const selected = page.getByRole('region', { name: `Selected (all ${count} matching) totals` })
    await expect(selected).toBeVisible()
    const eur = paid.filter((f) => f.currency === 'EUR').length
    await expect(selected.getByRole('listitem').filter({ hasText: `${eur.toLocaleString('en-US')} invoices` })).toContainText(/Total .+/)
    await expect(row(grid, 5)).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByRole('button', { name: `Copy ${count} rows` })).toBeVisible()

    // Export of all matching is the filter itself: nothing to choose between.
    await page.getByRole('button', { name: 'Export CSV…' }).click()
    const allForm = page.getByRole('form', { name: 'Export CSV' })
    await expect(allForm.getByLabel(/^Selected rows/)).toHaveCount(0)
    await expect(allForm.getByRole('button', { name: `Export ${count} invoices` })).toBeVisible()
    await page.getByRole('button', { name: 'Export CSV…' }).click()
    await expect(allForm).toHaveCount(0)

    // Copy takes them all, in the grid's order.
    await row(grid, 1).focus()
    await expect(page.getByRole('button', { name: `Copy ${count} rows` })).toBeVisible()
    await page.keyboard.press('ControlOrMeta+c')
    await expect(page.getByRole('status').filter({ hasText: `Copied ${count} rows` })).toBeVisible()
    const copied: string = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()
    )
    expect(copied.trimEnd().split('\r\n')).toHaveLength(paid.length + 1)

    // Clear, then the keyboard: Ctrl/Cmd-Shift-A selects all matching too.
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await expect(selected).toHaveCount(0)
    await row(grid, 1).focus()
    await page.keyboard.press('ControlOrMeta+Shift+A')
    await expect(selected).toBeVisible()

    // Picking one row afterwards starts a selection of rows afresh.
    await row(grid, 3).click({ modifiers: ['ControlOrMeta'] })
    await expect(page.getByRole('region', { name: 'Selected (1) totals' })).toBeVisible()
  })
})

function row(grid: Locator, index: number): Locator {
  return grid.locator(`[role="row"][aria-rowindex="${index}"]`)
}
