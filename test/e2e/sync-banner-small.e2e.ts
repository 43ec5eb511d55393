import { expect, test, type Locator, type Page } from '@playwright/test'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { tempDir } from '../helpers/temp-dir'
import { seriousViolations } from './support/axe'
import { tryDemoWorkspace } from './support/demo-workspace'
import { startHost, type RunningHost } from './support/host'
import { invokeOk } from './support/invoke'
import { showInvoices } from './support/navigate'

/**
 * Issue 19 follow-up: the sync banner in a 1024×640 window takes one slim line (the list keeps its
 * rows), its Dismiss stays in reach while the invoice drawer is open, and a failure is still shown
 * whole, in the banner and in the top bar. At 1024×640 and 1440×900.
 */
const NARROW = { width: 1024, height: 640 }
const WIDE = { width: 1440, height: 900 }

test.use({ bypassCSP: true })

test.describe('the sync banner in small windows', () => {
  // The first test's demo workspace is what the others list: without it they have nothing to show.
  test.describe.configure({ mode: 'serial' })

  let dir: ReturnType<typeof tempDir>
  let host: RunningHost
  let simulator: YetiSimulator

  test.beforeAll(async () => {
    dir = tempDir('quire-e2e-banner-')
    host = await startHost(dir.path)
    simulator = await startYetiSimulator({ invoices: 5, seed: 19, users: { ops: { password: 'right-password' } } })
  })

  test.afterAll(async () => {
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  const grid = (page: Page): Locator => page.getByRole('grid', { name: 'Invoices' })

  /** Data rows drawn whole: below the sticky header, inside the list's scrolling box and the window. */
  async function wholeRowsInView(page: Page): Promise<number> {
    return grid(page).evaluate((element) => {
      const view = element.getBoundingClientRect()
      const top = element.querySelector('[role="columnheader"]')!.getBoundingClientRect().bottom
      const bottom = Math.min(view.top + element.clientTop + element.clientHeight, element.ownerDocument.defaultView!.innerHeight)
      return [...element.querySelectorAll('[role="row"]:not(:has([role="columnheader"]))')].filter((row) => {
        const rect = row.getBoundingClientRect()
        return rect.height > 0 && rect.top >= top - 0.5 && rect.bottom <= bottom + 0.5
      }).length
    })
  }

  /** Below 1280 px the invoice opens as a drawer (a dialog) over the list, above as a side pane. */
  async function openFirstInvoice(page: Page, asDrawer: boolean): Promise<Locator> {
    await grid(page).locator('[role="row"][aria-rowindex="2"]').click()
    const detail = page.getByRole(asDrawer ? 'dialog' : 'complementary', { name: 'Invoice details' })
    await expect(detail).toBeVisible()
    return detail
  }

  test('at 1024×640 the first sync’s banner is one line, the list keeps 8 rows, and Dismiss works over the drawer', async ({ page }) => {
    test.setTimeout(120_000)
    await page.setViewportSize(NARROW)
    await page.goto(host.url)
    const banner = await tryDemoWorkspace(page)
    await expect(grid(page).locator('[role="row"][aria-rowindex="1"]')).toContainText(/\d/)

    // One slim line: no taller than Dismiss plus its border, the text cut rather than wrapped.
    const text = banner.locator('.notice-body')
    const lineHeight = await text.evaluate((element) => parseFloat(element.ownerDocument.defaultView!.getComputedStyle(element).lineHeight))
    expect((await text.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1)
    expect((await banner.boundingBox())!.height).toBeLessThanOrEqual(34)
    const message = (await text.textContent())!
    await expect(text.locator('[title]')).toHaveAttribute('title', message)
    expect(await wholeRowsInView(page)).toBeGreaterThanOrEqual(8)
    expect(await seriousViolations(page)).toEqual([])

    // Narrower still, the line is cut short rather than wrapped, and Dismiss keeps its whole width.
    const dismiss = banner.getByRole('button', { name: 'Dismiss' })
    await page.setViewportSize({ width: 560, height: NARROW.height })
    expect(await text.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
    expect((await text.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1)
    const cut = (await banner.boundingBox())!
    const button = (await dismiss.boundingBox())!
    expect(button.x + button.width).toBeLessThanOrEqual(cut.x + cut.width)
    expect(await dismiss.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
    await page.setViewportSize(NARROW)

    const drawer = await openFirstInvoice(page, true)
    expect((await drawer.boundingBox())!.y).toBeGreaterThanOrEqual(
      (await banner.boundingBox())!.y + (await banner.boundingBox())!.height - 1
    )
    // A plain click: Playwright refuses it if the drawer is what the pointer would hit.
    await dismiss.click({ timeout: 5_000 })
    await expect(banner).toHaveCount(0)
    await expect(drawer).toBeVisible()
  })

  test('at 1440×900 the banner keeps its roomy form, and Dismiss works beside the open invoice', async ({ page }) => {
    await page.setViewportSize(WIDE)
    await page.goto(host.url)
    await showInvoices(page)
    await page.locator('header.topbar').getByRole('button', { name: 'Sync now' }).click()
    const banner = page.getByRole('status').filter({ hasText: /^Synced 4 accounts/ })
    await expect(banner).toBeVisible({ timeout: 60_000 })
    await expect(banner.locator('.notice-body')).toHaveCSS('white-space', 'normal')
    await openFirstInvoice(page, false)
    await banner.getByRole('button', { name: 'Dismiss' }).click({ timeout: 5_000 })
    await expect(banner).toHaveCount(0)
  })

  test('at 1024×640 a failure stays whole in the banner and the top bar, and its Dismiss works over the drawer', async ({ page }) => {
    await page.setViewportSize(NARROW)
    await page.goto(host.url)
    await invokeOk(page, 'accounts.add', {
      provider: 'yeti',
      name: 'Yeti-Switch ops',
      baseUrl: simulator.baseUrl,
      options: { login: 'ops' },
      secret: 'wrong-password'
    })
    await page.reload()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts' }).click()
    await page.getByRole('button', { name: 'Sync now: Yeti-Switch ops' }).click()
    const banner = page.getByRole('alert').filter({ hasText: 'Sync failed for one account' })
    await expect(banner).toBeVisible({ timeout: 30_000 })
    await showInvoices(page)
    await expect(grid(page).locator('[role="row"][aria-rowindex="1"]')).toContainText(/\d/)

    const text = banner.locator('.notice-body')
    await expect(text).toContainText('Yeti-Switch ops:')
    expect(
      await text.evaluate((element) => element.scrollWidth <= element.clientWidth && element.scrollHeight <= element.clientHeight)
    ).toBe(true)
    await expect(text).not.toHaveCSS('white-space', 'nowrap')

    // The top bar's freshness line is whole too, its Fix clear of Sync now.
    const topBar = page.locator('header.topbar')
    const freshness = topBar.locator('.last-synced')
    await expect(freshness).toHaveText(/^Yeti-Switch ops failing since .+ — Fix$/)
    expect(await freshness.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
    const fix = (await freshness.getByRole('button', { name: 'Fix' }).boundingBox())!
    const syncNow = (await topBar.getByRole('button', { name: 'Sync now' }).boundingBox())!
    expect(fix.x + fix.width).toBeLessThanOrEqual(syncNow.x)

    await openFirstInvoice(page, true)
    await banner.getByRole('button', { name: 'Dismiss' }).click({ timeout: 5_000 })
    await expect(banner).toHaveCount(0)
    await expect(freshness).toHaveText(/failing since/)
  })
})
