import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator } from '@playwright/test'
import { buildLargeCache, fixtureInvoice } from '../helpers/large-cache'
import { parseCsv } from '../helpers/csv'
import { tempDir } from '../helpers/temp-dir'
import { seriousViolations } from './support/axe'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'

/**
 * Browsing a cache in Chromium through the test host, as finance staff would: search, filter,
 * sort, keyboard only, export, a saved view across a restart; then an accessibility scan and a
 * look at both themes.
 */
const COUNT = 2_000
const HOSTILE = '=HYPERLINK("http://evil.example","Pay")'

test.describe('browsing invoices', () => {
  let dir: ReturnType<typeof tempDir>
  let host: RunningHost | null = null
  const exportDir = () => join(dir.path, 'exports')
  const today = localToday()
  const fixture = Array.from({ length: COUNT }, (_, i) => fixtureInvoice(i + 1))
  const live = fixture.filter((f) => !f.removed)
  const overdue = live.filter((f) => f.status === 'open' && f.dueDate !== null && f.dueDate < today)
  const counted = (f: (typeof fixture)[number]) => f.status !== 'void' && f.status !== 'draft'
  const newestFirst = (a: (typeof fixture)[number], b: (typeof fixture)[number]) =>
    a.issueDate < b.issueDate ? 1 : a.issueDate > b.issueDate ? -1 : b.id - a.id

  test.beforeEach(async () => {
    dir = tempDir('quire-browse-')
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT)
    const target = [...overdue].sort(newestFirst)[3]!
    db.prepare(`UPDATE invoices SET counterparty = ? WHERE id = ?`).run(HOSTILE, target.id)
    db.close()
    // The host inherits the environment: its exports go to this test's folder, never ~/Downloads.
    process.env.QUIRE_EXPORT_DIR = exportDir()
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    delete process.env.QUIRE_EXPORT_DIR
    dir.remove()
  })

  test('search, filter, sort, keyboard, select, export, and a saved view that survives a restart', async ({ page }) => {
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
    await expect(row(grid, 1)).toContainText([...live].sort(newestFirst)[0]!.number)
    // Void and draft invoices are not added up by default (a switch counts them).
    await expect(page.getByRole('region', { name: 'All invoices totals' })).toContainText(
      `${live.filter((f) => f.currency === 'EUR' && counted(f)).length.toLocaleString('en-US')} invoices`
    )

    // Search from the keyboard: "/" goes to the box, diacritics need not be typed.
    await page.locator('body').press('/')
    const search = page.getByRole('searchbox', { name: 'Search invoices' })
    await expect(search).toBeFocused()
    await search.fill('zoe cafe')
    const zoe = live.filter((f) => f.counterparty === 'Zoë Café GmbH')
    await expect(grid).toHaveAttribute('aria-rowcount', String(zoe.length))
    await expect(page.getByRole('status').filter({ hasText: 'matching invoices' })).toHaveText(
      `${zoe.length.toLocaleString('en-US')} matching invoices`
    )
    await expect(row(grid, 1)).toContainText('Zoë Café GmbH')
    await search.fill('')

    // Filter: overdue is derived from today, not stored.
    await page.getByLabel('Status', { exact: true }).selectOption('Overdue')
    await expect(grid).toHaveAttribute('aria-rowcount', String(overdue.length))

    // Sort by clicking a header: total, largest first; again, smallest first.
    const totalHeader = page.getByRole('columnheader', { name: 'Total' })
    await totalHeader.getByRole('button').click()
    await expect(totalHeader).toHaveAttribute('aria-sort', 'descending')
    const bySize = [...overdue].sort((a, b) => b.cents - a.cents || b.id - a.id)
    await expect(row(grid, 1)).toContainText(bySize[0]!.number)
    await totalHeader.getByRole('button').click()
    await expect(totalHeader).toHaveAttribute('aria-sort', 'ascending')
    await expect(row(grid, 1)).toContainText(bySize.at(-1)!.number)
    await totalHeader.getByRole('button').click()
    await expect(row(grid, 1)).toContainText(bySize[0]!.number)

    // Keyboard only: j/k move a visible focus, Enter opens, j follows in the pane, Esc closes.
    await row(grid, 1).click()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('complementary', { name: 'Invoice details' })).toHaveCount(0)
    await expect(row(grid, 1)).toBeFocused()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.keyboard.press('k')
    await expect(row(grid, 2)).toBeFocused()
    // The focus ring is drawn over the row's cells by its ::before (invoices.css).
    const ring = () =>
      row(grid, 2).evaluate((element) => {
        const style = element.ownerDocument.defaultView!.getComputedStyle(element, '::before')
        return `${style.borderTopStyle} ${style.borderTopWidth}`
      })
    await expect.poll(ring).toBe('solid 2px')
    await page.keyboard.press('Enter')
    const pane = page.getByRole('complementary', { name: 'Invoice details' })
    await expect(pane.getByRole('heading', { level: 2 })).toHaveText(bySize[1]!.number)
    await expect(pane.getByRole('heading', { level: 2 })).toBeFocused()
    await expect(pane.getByRole('heading', { name: 'Status history' })).toBeVisible()
    await page.keyboard.press('j')
    await expect(pane.getByRole('heading', { level: 2 })).toHaveText(bySize[2]!.number)
    await page.keyboard.press('Escape')
    await expect(pane).toHaveCount(0)
    await expect(row(grid, 3)).toBeFocused()
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(help).toHaveCount(0)
    await page.keyboard.press('ControlOrMeta+f')
    await expect(search).toBeFocused()

    // Select two rows with Space and x: their totals, per currency, next to the filtered ones.
    await row(grid, 1).click({ modifiers: ['ControlOrMeta'] })
    await row(grid, 3).focus()
    await page.keyboard.press('x')
    await expect(page.getByRole('region', { name: 'Selected (2) totals' })).toContainText(/invoice/)
    const picked = [bySize[0]!, bySize[2]!]
    for (const currency of new Set(picked.filter(counted).map((f) => f.currency))) {
      const cents = picked.filter((f) => f.currency === currency && counted(f)).reduce((sum, f) => sum + BigInt(f.cents), 0n)
      const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
        `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` as Intl.StringNumericLiteral
      )
      await expect(page.getByRole('region', { name: 'Selected (2) totals' })).toContainText(amount)
    }
    await row(grid, 5).click({ modifiers: ['Shift'] })
    await expect(page.getByRole('region', { name: 'Selected (4) totals' })).toBeVisible()

    // Export the whole filtered set (not the rows on screen), one row per line item.
    await page.getByRole('button', { name: 'Export CSV…' }).click()
    const form = page.getByRole('form', { name: 'Export CSV' })
    await form.getByLabel(`All ${overdue.length.toLocaleString('en-US')} matching`).check()
    await form.getByLabel('One per line item').check()
    await form.getByRole('button', { name: `Export ${overdue.length.toLocaleString('en-US')} invoices` }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(
      `Exported ${overdue.length.toLocaleString('en-US')} invoices`
    )
    const [file] = readdirSync(exportDir())
    const [header, ...rows] = parseCsv(readFileSync(join(exportDir(), file!), 'utf8'))
    expect(rows).toHaveLength(overdue.reduce((sum, f) => sum + Math.max(1, f.lineItems), 0))
    expect(new Set(rows.map((r) => r[header!.indexOf('remote_id')]))).toEqual(new Set(overdue.map((f) => f.remoteId)))
    expect(rows.find((r) => r[header!.indexOf('counterparty')]!.includes('HYPERLINK'))![header!.indexOf('counterparty')]).toBe(
      `'${HOSTILE}`
    )

    // Hide a column, then save filter + sort + columns as a view.
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('group', { name: 'Columns' }).getByLabel('Account', { exact: true }).uncheck()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('columnheader', { name: 'Account' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Save view…' }).click()
    await page.getByLabel('View name').fill('Overdue by size')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByLabel('Saved view')).toHaveValue(/\d+/)

    // Restart the host on the same data: the view is still there and shows the same list.
    await host!.stop()
    host = await startHost(dir.path)
    await page.goto(host.url)
    await showInvoices(page)
    // The list opens as it was last left (no default view is set): the overdue filter.
    await expect(grid).toHaveAttribute('aria-rowcount', String(overdue.length))
    await page.getByLabel('Status', { exact: true }).selectOption('')
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
    await page.getByLabel('Saved view').selectOption({ label: 'Overdue by size' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(overdue.length))
    await expect(page.getByRole('columnheader', { name: 'Total' })).toHaveAttribute('aria-sort', 'descending')
    await expect(page.getByRole('columnheader', { name: 'Account' })).toHaveCount(0)
    await expect(row(grid, 1)).toContainText(bySize[0]!.number)
  })

  test.describe('accessibility and themes', () => {
    // axe is injected as a script tag, which the app's CSP (script-src 'self') rightly refuses.
    test.use({ bypassCSP: true })
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no serious accessibility problems, and reads well, in the ${colorScheme} theme`, async ({ page }) => {
        await page.emulateMedia({ colorScheme })
        await page.goto(host!.url)
        await showInvoices(page)
        const grid = page.getByRole('grid', { name: 'Invoices' })
        await expect(row(grid, 1)).toContainText('INV-')
        await page.getByRole('button', { name: 'More filters' }).click()
        await row(grid, 2).click()
        await expect(page.getByRole('complementary', { name: 'Invoice details' }).getByText('Line items')).toBeVisible()
        await row(grid, 2).focus()
        await page.screenshot({ path: join('test-results', `browse-${colorScheme}.png`) })
        expect(await seriousViolations(page)).toEqual([])
        await page.getByRole('button', { name: 'Shortcuts' }).click()
        expect(await seriousViolations(page)).toEqual([])
      })
    }
  })
})

function row(grid: Locator, index: number): Locator {
  return grid.locator(`[role="row"][aria-rowindex="${index}"]`)
}

function localToday(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
