import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { buildLargeCache, fixtureInvoice } from '../helpers/large-cache'
import { tempDir } from '../helpers/temp-dir'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'

/**
 * Issue #19, part 6 and 7: the keyboard path. From the search box to the first row takes a few
 * Tabs (the column header is one stop, arrows inside it, ↓ down to the rows); F6 cycles the
 * regions on every screen; Ctrl+Shift+E exports; a default saved view, or else the filters and
 * sort last used, come back when Quire starts again, even right after a change; dates are typed
 * in the user's locale order.
 */
const COUNT = 300

test.describe('the keyboard path', () => {
  let dir: ReturnType<typeof tempDir>
  let host: RunningHost | null = null
  const live = Array.from({ length: COUNT }, (_, i) => fixtureInvoice(i + 1)).filter((f) => !f.removed)
  const paid = live.filter((f) => f.status === 'paid')
  const open = live.filter((f) => f.status === 'open')

  test.beforeEach(async () => {
    dir = tempDir('quire-keys-')
    buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT).close()
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    dir.remove()
  })

  test('a few Tabs from the search box to the first row; arrows inside the header; F6 between regions', async ({ page }) => {
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))

    await page.locator('body').press('/')
    await expect(page.getByLabel('Search invoices')).toBeFocused()
    const tabs = await tabsToFirstRow(page)
    test.info().annotations.push({ type: 'tabs from search to first row', description: String(tabs) })
    expect(tabs).toBeLessThanOrEqual(12)

    // The header: one stop, ←/→ inside it, Enter sorts, Shift+→ widens a column.
    await page.keyboard.press('Shift+Tab')
    const focusedRole = () => page.locator(':focus').evaluate((element) => element.getAttribute('role') ?? element.tagName)
    // Back from the row lands on the header's one stop (the first sort button).
    await expect.poll(focusedRole).toBe('BUTTON')
    const firstHeader = (await page.locator(':focus').textContent()) ?? ''
    await page.keyboard.press('ArrowRight')
    await expect.poll(focusedRole).toBe('separator')
    const before = Number(await page.locator(':focus').getAttribute('aria-valuenow'))
    await page.keyboard.press('Shift+ArrowRight')
    await expect.poll(async () => Number(await page.locator(':focus').getAttribute('aria-valuenow'))).toBeGreaterThan(before)
    await page.keyboard.press('ArrowRight')
    await expect.poll(focusedRole).toBe('BUTTON')
    const second = page.locator('[role="columnheader"]').filter({ has: page.locator(':focus') })
    await page.keyboard.press('Enter')
    await expect(second).not.toHaveAttribute('aria-sort', 'none')
    expect(firstHeader).not.toBe('')
    // Only one header control is in the tab order.
    await expect(grid.locator('[role="columnheader"] [tabindex="0"]')).toHaveCount(1)

    // F6 cycles: navigation → toolbar and filters → grid → (detail when open) → navigation.
    await page.keyboard.press('F6')
    await expect(page.getByRole('navigation', { name: 'Main' }).locator(':focus')).toHaveCount(1)
    await page.keyboard.press('F6')
    await expect(page.getByRole('search', { name: 'Filter invoices' }).locator(':focus')).toHaveCount(1)
    await page.keyboard.press('F6')
    await expect(grid.locator('[role="row"][data-index]:focus')).toHaveCount(1)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('complementary', { name: 'Invoice details' })).toBeVisible()
    // Enter put focus in the detail pane; Shift+F6 goes back to the list, F6 forward again.
    await expect(page.getByRole('complementary', { name: 'Invoice details' }).locator(':focus')).toHaveCount(1)
    await page.keyboard.press('Shift+F6')
    await expect(grid.locator('[role="row"][data-index]:focus')).toHaveCount(1)
    await page.keyboard.press('F6')
    await expect(page.getByRole('complementary', { name: 'Invoice details' }).locator(':focus')).toHaveCount(1)
    await page.keyboard.press('F6')
    await expect(page.getByRole('navigation', { name: 'Main' }).locator(':focus')).toHaveCount(1)

    // `p` opens the open invoice's PDF (generated here: the fixture's provider has none cached).
    const number =
      (await page.getByRole('complementary', { name: 'Invoice details' }).getByRole('heading', { level: 2 }).textContent()) ?? ''
    await page.keyboard.press('p')
    await expect(page.getByRole('dialog', { name: `Invoice ${number}` })).toBeVisible()
  })

  test('the default view opens at launch; without one, the filters and sort last used do', async ({ page }) => {
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))

    // Paid invoices, largest first, saved and set as the default.
    await page.getByLabel('Status', { exact: true }).selectOption('paid')
    await page.getByRole('columnheader', { name: 'Total' }).getByRole('button').click()
    await expect(grid).toHaveAttribute('aria-rowcount', String(paid.length))
    await page.getByRole('button', { name: 'Save view…' }).click()
    await page.getByLabel('View name').fill('Paid by size')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByLabel('Saved view')).toHaveValue(/\d+/)
    await page.getByRole('button', { name: 'Set as default' }).click()
    await expect(page.getByRole('button', { name: 'Unset default' })).toBeVisible()

    // Something else on screen, then a restart: the default view, not the last filter, comes back.
    await page.getByLabel('Status', { exact: true }).selectOption('open')
    await expect(grid).toHaveAttribute('aria-rowcount', String(open.length))
    await host!.stop()
    host = await startHost(dir.path)
    await page.goto(host.url)
    await showInvoices(page)
    await expect(grid).toHaveAttribute('aria-rowcount', String(paid.length))
    await expect(page.getByLabel('Saved view')).toHaveText(/Paid by size/)
    await expect(page.getByRole('columnheader', { name: 'Total' })).toHaveAttribute('aria-sort', 'descending')

    // No default: what was last on screen comes back instead.
    await page.getByRole('button', { name: 'Unset default' }).click()
    await expect(page.getByRole('button', { name: 'Set as default' })).toBeVisible()
    await page.getByLabel('Status', { exact: true }).selectOption('open')
    await expect(grid).toHaveAttribute('aria-rowcount', String(open.length))
    await page.reload()
    await showInvoices(page)
    await expect(grid).toHaveAttribute('aria-rowcount', String(open.length))
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('open')
    await expect(page.getByRole('columnheader', { name: 'Total' })).toHaveAttribute('aria-sort', 'descending')
  })

  test('↓ from the column header goes to the current row; Ctrl+Shift+E opens the export choices, not while typing', async ({ page }) => {
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))

    // j twice: the third row is the current one; from anywhere in the header, ↓ goes back to it.
    await page.locator('body').press('j')
    await page.keyboard.press('j')
    await expect(grid.locator('[role="row"][data-index="2"]')).toBeFocused()
    await grid.locator('[role="columnheader"] [tabindex="0"]').focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.locator(':focus')).toHaveAttribute('role', 'separator')
    await page.keyboard.press('ArrowDown')
    await expect(grid.locator('[role="row"][data-index="2"]')).toBeFocused()

    // Typing in the search box, the key is the field's, not Export's. No choices is only news once
    // the window has drawn what came after the key: the list filtered by the typing that follows it.
    const exportChoices = page.getByRole('group', { name: 'Export CSV' })
    const search = page.getByLabel('Search invoices')
    await search.focus()
    await page.keyboard.press('Control+Shift+E')
    await page.keyboard.type(live[0]!.number)
    await expect(grid).toHaveAttribute('aria-rowcount', '1')
    await expect(search).toBeFocused()
    await expect(exportChoices).toHaveCount(0)
    await search.fill('')
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
    // From the list: the choices open with focus inside them; Esc closes them back to the button.
    await grid.locator('[role="row"][data-index="2"]').focus()
    await page.keyboard.press('Control+Shift+E')
    await expect(exportChoices).toBeVisible()
    await expect(exportChoices.locator(':focus')).toHaveCount(1)
    await page.keyboard.press('Escape')
    await expect(exportChoices).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Export CSV…' })).toBeFocused()
    await expect(page.getByRole('button', { name: 'Export CSV…' })).toHaveAttribute('aria-keyshortcuts', /Control\+Shift\+E/)

    // The Shortcuts sheet lists it.
    await page.locator('body').press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('row', { name: /Export CSV/ })).toBeVisible()
  })

  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1024, height: 640 }
  ])
    test(`F6 on other screens: the navigation, then the screen, never a hidden element (${viewport.width}×${viewport.height})`, async ({
      page
    }) => {
      await page.setViewportSize(viewport)
      await page.goto(host!.url)
      const nav = page.getByRole('navigation', { name: 'Main' })
      const main = page.locator('#main')
      for (const screen of ['Overview', 'Accounts', 'Settings']) {
        await nav.getByRole('button', { name: screen }).click()
        await page.locator('h1').first().click()
        await page.keyboard.press('F6')
        await expect(nav.locator(':focus')).toHaveCount(1)
        await expect(page.locator(':focus')).toBeVisible()
        await expect(page.locator(':focus')).toHaveAttribute('aria-current', 'page')
        await page.keyboard.press('F6')
        await expect(main).toBeFocused()
        await page.keyboard.press('F6')
        await expect(nav.locator(':focus')).toHaveCount(1)
        await page.keyboard.press('Shift+F6')
        await expect(main).toBeFocused()
        // Tab from there goes into the screen, not back to the navigation.
        await page.keyboard.press('Tab')
        await expect(main.locator(':focus')).toHaveCount(1)
        await expect(page.locator(':focus')).toBeVisible()
      }
    })

  test('the last view is kept when Quire reloads right after a change', async ({ page }) => {
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
    await page.getByLabel('Status', { exact: true }).selectOption('paid')
    // No pause: the reload starts as soon as the change is made, well inside the save's debounce.
    await page.reload()
    await showInvoices(page)
    await expect(page.getByLabel('Status', { exact: true })).toHaveValue('paid')
    await expect(grid).toHaveAttribute('aria-rowcount', String(paid.length))
  })

  test.describe('in en-GB', () => {
    test.use({ locale: 'en-GB' })

    test('issue dates are typed day first, checked, and shown day first', async ({ page }) => {
      const from = (iso: string) => live.filter((f) => f.issueDate >= iso).length
      // 03/04/2023 is 3 April here; read month first it would be 4 March, and match more invoices.
      expect(from('2023-04-03')).not.toBe(from('2023-03-04'))
      await page.goto(host!.url)
      await showInvoices(page)
      const grid = page.getByRole('grid', { name: 'Invoices' })
      await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
      await page.getByRole('button', { name: /^More filters/ }).click()
      const issuedFrom = page.getByRole('group', { name: 'Issue date' }).getByLabel('From')
      await expect(issuedFrom).toHaveAttribute('placeholder', 'dd/mm/yyyy')

      await issuedFrom.fill('03/04/2023')
      await expect(grid).toHaveAttribute('aria-rowcount', String(from('2023-04-03')))

      // A day February does not have: said inline, and the filter keeps the last good date.
      await issuedFrom.fill('31/02/2023')
      await issuedFrom.press('Enter')
      await expect(issuedFrom).toHaveAttribute('aria-invalid', 'true')
      await expect(page.getByRole('alert').filter({ hasText: 'February 2023 has no day 31' })).toBeVisible()
      await expect(grid).toHaveAttribute('aria-rowcount', String(from('2023-04-03')))

      // A two-digit year waits for Enter, then reads as 20yy and is written out in full.
      await issuedFrom.fill('1/6/23')
      await issuedFrom.press('Enter')
      await expect(issuedFrom).toHaveValue('01/06/2023')
      await expect(issuedFrom).not.toHaveAttribute('aria-invalid', 'true')
      await expect(grid).toHaveAttribute('aria-rowcount', String(from('2023-06-01')))

      // A To before From matches nothing, and says why rather than showing an empty list alone.
      const fromAfterTo = page.getByRole('alert').filter({ hasText: 'From is after To' })
      const issuedTo = page.getByRole('group', { name: 'Issue date' }).getByLabel('To')
      await issuedTo.fill('31/05/2023')
      await expect(page.getByText('No invoices match these filters.')).toBeVisible()
      await expect(fromAfterTo).toBeVisible()
      await issuedTo.fill('')
      await expect(fromAfterTo).toHaveCount(0)
      await expect(grid).toHaveAttribute('aria-rowcount', String(from('2023-06-01')))

      // Changes' date is always set: emptied, it comes back when the field is left.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Changes' }).click()
      const since = page.getByLabel('Since the start of')
      await expect(since).toHaveValue(/^01\/\d{2}\/\d{4}$/)
      const month = await since.inputValue()
      await since.fill('')
      await since.press('Tab')
      await expect(since).toHaveValue(month)
    })
  })
})

/** Presses Tab until a grid row (or the grid standing in for it) has focus; how many presses it took. */
async function tabsToFirstRow(page: Page): Promise<number> {
  for (let n = 1; n <= 100; n++) {
    await page.keyboard.press('Tab')
    const atRow = await page
      .locator(':focus')
      .evaluate((el) => el.getAttribute('role') === 'row' && el.closest('[role="grid"]') !== null && el.hasAttribute('data-index'))
    if (atRow) return n
  }
  return Infinity
}
