import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { seriousViolations } from './support/axe'
import { gridRow, startDemoWorkspace, type DemoWorkspace } from './support/demo-workspace'

/**
 * Small windows (issue 19) on the demo workspace, whose four accounts all start "Demo — " and
 * whose invoices come in seven currencies: the detail as a drawer below 1280 px, account names
 * shortened to what tells them apart, a footer that leaves the list its rows without hiding a
 * currency, and a folded sidebar of named icons; at 1024×640 and 1440×900, both themes for axe.
 */
const NARROW = { width: 1024, height: 640 }
const WIDE = { width: 1440, height: 900 }
const ACCOUNTS = ['CareSquare', 'Hoursmith', 'Lynkwell', 'Yeti-Switch']
const SCREENS = ['Overview', 'Invoices', 'Aging', 'Changes', 'Accounts', 'Activity', 'Duplicates', 'Settings']

test.describe('small windows', () => {
  let demo: DemoWorkspace

  // One demo workspace for the whole file: its sync through four simulators is the slow part.
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000)
    demo = await startDemoWorkspace(browser, 'quire-e2e-small-')
  })

  test.afterAll(() => demo.stop())

  test('below 1280 px an invoice opens as a drawer that takes focus, follows j/k and gives focus back to its row on Esc', async ({
    page
  }) => {
    const grid = await demo.invoicesAt(page, NARROW)
    await gridRow(grid, 1).click()
    const drawer = page.getByRole('dialog', { name: 'Invoice details' })
    await expect(drawer).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Invoice details' })).toHaveCount(0)
    const heading = drawer.getByRole('heading', { level: 2 })
    await expect(heading).toBeFocused()
    await expect(gridRow(grid, 1)).toContainText((await heading.textContent())!)

    await page.keyboard.press('j')
    await expect(heading).toBeFocused()
    const second = (await heading.textContent())!
    await expect(gridRow(grid, 2)).toContainText(second)
    await expect(gridRow(grid, 1)).not.toContainText(second)

    await page.keyboard.press('Escape')
    await expect(drawer).toHaveCount(0)
    await expect(gridRow(grid, 2)).toBeFocused()

    // From the keyboard as well, and the Close button gives focus back the same way.
    await page.keyboard.press('Enter')
    await expect(heading).toBeFocused()
    await expect(heading).toHaveText(second)
    await drawer.getByRole('button', { name: 'Close' }).click()
    await expect(drawer).toHaveCount(0)
    await expect(gridRow(grid, 2)).toBeFocused()

    // Closed, nothing covers the money columns.
    const area = (await grid.boundingBox())!
    for (const name of ['Total', 'Balance']) {
      const cell = (await page.getByRole('columnheader', { name }).boundingBox())!
      expect(cell.x + cell.width, name).toBeLessThanOrEqual(area.x + area.width + 1)
    }
  })

  test('at 1440 px the invoice opens beside the list, which keeps its Balance column in view', async ({ page }) => {
    const grid = await demo.invoicesAt(page, WIDE)
    await gridRow(grid, 1).click()
    const pane = page.getByRole('complementary', { name: 'Invoice details' })
    await expect(pane).toBeVisible()
    await expect(page.getByRole('dialog', { name: 'Invoice details' })).toHaveCount(0)
    const balance = (await page.getByRole('columnheader', { name: 'Balance' }).boundingBox())!
    expect(balance.x + balance.width).toBeLessThanOrEqual((await pane.boundingBox())!.x)
  })

  for (const size of [NARROW, WIDE]) {
    test(`at ${size.width}×${size.height} account names are shortened to what tells them apart, the full name kept`, async ({ page }) => {
      const grid = await demo.invoicesAt(page, size)
      const options = page.getByLabel('Account', { exact: true }).locator('option')
      await expect(options).toHaveCount(ACCOUNTS.length + 1)
      expect((await options.allTextContents()).sort()).toEqual(['All accounts', ...ACCOUNTS].sort())
      for (const name of ACCOUNTS) {
        await expect(options.filter({ hasText: name })).toHaveAttribute('title', `Demo — ${name}`)
      }

      const first = gridRow(grid, 1).locator('[title^="Demo — "]')
      const full = (await first.getAttribute('title'))!
      const short = full.replace('Demo — ', '')
      expect(ACCOUNTS).toContain(short)
      await expect(first.locator('[aria-hidden="true"]')).toHaveText(short)
      // What a screen reader reads in the cell is the whole name, once.
      await expect(gridRow(grid, 1).getByRole('gridcell', { name: full, exact: true })).toHaveCount(1)
      // Choosing another account by its short name filters to that account.
      const other = ACCOUNTS.find((name) => name !== short)!
      await page.getByLabel('Account', { exact: true }).selectOption({ label: other })
      await expect(gridRow(grid, 1).locator(`[title="Demo — ${other}"]`)).toBeVisible()
      await page.getByLabel('Account', { exact: true }).selectOption({ label: 'All accounts' })
      await expect(page.locator('.match-count')).toHaveText(/^[\d,]+ invoices$/)

      // Changes lists the first sync's additions, with the same short names.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Changes' }).click()
      const cell = page.getByRole('cell', { name: /^Demo — / }).first()
      await expect(cell.locator('[aria-hidden="true"]')).toHaveText(new RegExp(`^(${ACCOUNTS.join('|')})$`))
    })
  }

  test('at 1024×640 the totals leave at least 8 rows in view and every currency is in sight or named on a button that shows it', async ({
    page
  }) => {
    const grid = await demo.invoicesAt(page, NARROW)
    const rowsInView = () =>
      grid.evaluate((element) => {
        const head = element.querySelector('.grid-head')!.getBoundingClientRect()
        const bottom = element.getBoundingClientRect().bottom
        return [...element.querySelectorAll('.grid-body [role="row"]')].filter((r) => {
          const box = r.getBoundingClientRect()
          return box.top >= head.bottom - 1 && box.bottom <= bottom + 1
        }).length
      })
    expect(await rowsInView()).toBeGreaterThanOrEqual(8)

    const totals = page.getByRole('region', { name: 'All invoices totals' })
    const currencies = totals.locator('.totals-currency')
    const more = totals.getByRole('button', { name: /^\+6 more currencies: / })
    await expect(currencies).toHaveCount(1)
    await expect(more).toHaveAttribute('aria-expanded', 'false')
    const named = (await more.textContent())!.split(': ')[1]!.split(', ')
    expect(named).toHaveLength(6)
    await amountsFullyShown(page, totals)
    await page.screenshot({ path: join('test-results', 'small-windows-footer-folded.png') })

    await more.focus()
    await page.keyboard.press('Enter')
    const fewer = totals.getByRole('button', { name: 'Fewer currencies' })
    await expect(fewer).toHaveAttribute('aria-expanded', 'true')
    await expect(fewer).toBeFocused()
    await expect(currencies).toHaveCount(7)
    await amountsFullyShown(page, totals)
    await page.screenshot({ path: join('test-results', 'small-windows-footer-unfolded.png') })

    await page.keyboard.press('Enter')
    await expect(currencies).toHaveCount(1)
    expect(await rowsInView()).toBeGreaterThanOrEqual(8)
  })

  test('at 1440×900 the totals show every currency with no button to unfold them', async ({ page }) => {
    await demo.invoicesAt(page, WIDE)
    const totals = page.getByRole('region', { name: 'All invoices totals' })
    await expect(totals.locator('.totals-currency')).toHaveCount(7)
    await expect(totals.getByRole('button', { name: /more currencies/ })).toHaveCount(0)
    await amountsFullyShown(page, totals)
  })

  test('the folded sidebar shows icons named by their screens; the wide one shows the names', async ({ page }) => {
    await demo.invoicesAt(page, NARROW)
    const nav = page.getByRole('navigation', { name: 'Main' })
    const items = nav.getByRole('button')
    await expect(items).toHaveText(SCREENS.map((name) => new RegExp(`^${name}`)))
    for (const name of SCREENS) {
      const item = nav.getByRole('button', { name, exact: true })
      await expect(item).toHaveAttribute('title', name)
      await expect(item.locator('svg')).toBeVisible()
      // The name is there for screen readers, not drawn over the icon.
      expect((await item.locator('.sidenav-label').boundingBox())!.width).toBeLessThanOrEqual(1)
    }
    await page.screenshot({ path: join('test-results', 'small-windows-sidebar.png') })

    await page.setViewportSize(WIDE)
    for (const name of SCREENS) {
      const item = nav.getByRole('button', { name, exact: true })
      await expect(item.locator('svg')).toBeHidden()
      await expect(item.locator('.sidenav-label')).toBeVisible()
    }
  })

  test.describe('accessibility', () => {
    // axe is injected as a script tag, which the app's CSP (script-src 'self') rightly refuses.
    test.use({ bypassCSP: true })
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const size of [NARROW, WIDE]) {
        test(`nothing serious for axe in the ${colorScheme} theme at ${size.width}×${size.height}, detail open`, async ({ page }) => {
          await page.emulateMedia({ colorScheme })
          const grid = await demo.invoicesAt(page, size)
          expect(await seriousViolations(page)).toEqual([])
          await gridRow(grid, 1).click()
          await expect(page.getByRole(size === NARROW ? 'dialog' : 'complementary', { name: 'Invoice details' })).toBeVisible()
          await page.screenshot({ path: join('test-results', `small-windows-${colorScheme}-${size.width}.png`) })
          expect(await seriousViolations(page)).toEqual([])
        })
      }
    }
  })
})

/**
 * Every Total and Balance in the footer is shown whole ("£359,103.1" was not): no currency's line
 * overflows, and each amount lies inside the footer, which lies inside the window.
 */
async function amountsFullyShown(page: Page, totals: Locator): Promise<void> {
  const { width, height } = page.viewportSize()!
  const footer = (await totals.boundingBox())!
  expect(footer.x + footer.width).toBeLessThanOrEqual(width)
  expect(footer.y + footer.height).toBeLessThanOrEqual(height)
  const cut = await totals.locator('.totals-currency').evaluateAll(
    (lines, area) =>
      lines
        .filter(
          (line) =>
            [...line.querySelectorAll('.totals-amount')].some((amount) => {
              const box = amount.getBoundingClientRect()
              return box.width === 0 || box.left < area.x || box.right > area.x + area.width + 1 || box.bottom > area.y + area.height + 1
            }) || line.scrollWidth > line.clientWidth + 1
        )
        .map((line) => line.textContent),
    footer
  )
  expect(cut).toEqual([])
}
