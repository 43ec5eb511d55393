import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { tempDir } from '../helpers/temp-dir'
import { hoursmithToken } from '../helpers/tokens'
import { startHost, type RunningHost } from './support/host'
import { invokeInPage, invokeOk } from './support/invoke'

test.describe('overview, aging and changes, in Chromium against the real core', () => {
  // axe is injected as a script tag, which the app's CSP (script-src 'self') rightly refuses.
  test.use({ bypassCSP: true })
  let dir: ReturnType<typeof tempDir>
  let simulator: HoursmithSimulator
  let host: RunningHost
  const token = hoursmithToken()

  test.beforeEach(async ({ page }) => {
    dir = tempDir('quire-e2e-reports-')
    simulator = await startHoursmithSimulator({ invoices: 300, seed: 16, tokens: { [token]: {} } })
    host = await startHost(dir.path)
    await page.goto(host.url)
    await invokeOk(page, 'accounts.add', {
      provider: 'hoursmith',
      name: 'Studio',
      baseUrl: simulator.baseUrl,
      secret: token
    })
    expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })
  })

  test.afterEach(async () => {
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  test('the overview renders offline, a bar opens its month in the grid, aging prints, changes list what moved', async ({ page }) => {
    // Nothing but the app's own origin may be asked for: no CDN, no font, no tracker.
    const origin = new URL(host.url).origin
    const foreign: string[] = []
    await page.route('**/*', (route) => {
      if (route.request().url().startsWith(origin)) return route.continue()
      foreign.push(route.request().url())
      return route.abort()
    })
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
    const overview = await invokeOk(page, 'reports.overview', { months: 24 })
    const [first] = overview.currencies
    await expect(page.getByRole('list', { name: `${first!.currency} at a glance` })).toContainText('Outstanding')

    await page.getByRole('button', { name: '24 months' }).click()
    const month = first!.months.find((m) => Number(m.issued) > 0)!
    const bar = page.locator(`.chart-bar-issued[data-month="${month.month}"]`).first()
    await bar.hover()
    await expect(page.locator('.chart-tooltip')).toContainText('Issued')
    await page.screenshot({ path: join('test-results', 'overview.png') })
    // Hide amounts masks the tiles, the axis and the tooltip; the bars keep only their shape.
    await page.getByRole('button', { name: 'Hide amounts' }).click()
    for (const amount of await page.locator('.tile-amount').allTextContents()) expect(amount).not.toMatch(/\d/)
    await bar.hover()
    await expect(page.locator('.chart-tooltip')).toContainText('•••••')
    await expect(page.locator('.chart-tooltip')).not.toContainText(/\d[.,]\d/)
    expect(await bar.getAttribute('aria-label')).not.toMatch(/\d[.,]\d\d/)
    await page.getByRole('button', { name: 'Hide amounts' }).click()
    await bar.click()
    const grid = page.getByRole('grid', { name: 'Invoices' })
    const [y, m] = month.month.split('-').map(Number) as [number, number]
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
    const expected = await invokeOk(page, 'invoices.count', {
      currency: first!.currency,
      issued: { from: `${month.month}-01`, to: `${month.month}-${last}` }
    })
    expect(expected.count).toBeGreaterThan(0)
    await expect(grid).toHaveAttribute('aria-rowcount', String(expected.count))

    // Upstream, an open invoice is paid; a second sync records it.
    const paid = simulator.invoices.find((i) => i.status === 'SENT' && i.deletedAt === null && i.number !== null)!
    const paidNumber = String(paid.number)
    Object.assign(paid, { status: 'PAID', paymentStatus: 'paid', amountPaid: paid.total, updatedAt: new Date().toISOString() })
    simulator.changed()
    expect(await invokeInPage(page, 'sync.run', { full: true })).toMatchObject({ ok: true })

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Changes' }).click()
    // Newest first: the second sync's changes lead, old → new.
    const firstChange = page.locator('.changes-table tbody tr').first()
    await expect(firstChange).toContainText(paidNumber)
    await expect(
      page
        .locator('.changes-table tbody tr', { hasText: paidNumber })
        .filter({ hasText: /^(?=.*Status)(?=.*open)(?=.*paid)/ })
        .first()
    ).toBeVisible()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Aging' }).click()
    await expect(page.locator('.aging-table').first()).toBeVisible()
    // As of yesterday, before the first sync, Quire knew none of these invoices, and says so rather than guess.
    await page.getByLabel('As of').fill(localDate(-1))
    await expect(page.getByText('Nothing was owed on that date.')).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: /were first synced after that date and are not included/ })).toBeVisible()
    await page.getByLabel('As of').fill(localDate(0))
    await expect(page.locator('.aging-table').first()).toBeVisible()
    await page.getByLabel('Group by').selectOption('account')
    await expect(page.locator('.aging-table tbody th').first()).toContainText('Studio')

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
    await expect(page.getByRole('button', { name: 'Print…' })).toBeHidden()
    await expect(page.locator('.aging-header')).toContainText('As of')
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)')
    await page.screenshot({ path: join('test-results', 'aging-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    expect(foreign).toEqual([])
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`overview, aging and changes have no serious accessibility problems in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      await page.reload()
      await expect(page.locator('.chart-bar').first()).toBeVisible()
      await page.screenshot({ path: join('test-results', `overview-${colorScheme}.png`) })
      expect(await seriousViolations(page)).toEqual([])
      for (const screen of ['Aging', 'Changes']) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen }).click()
        await expect(page.getByRole('heading', { name: screen, level: 1 })).toBeVisible()
        await expect(page.locator('table').first()).toBeVisible()
        await page.screenshot({ path: join('test-results', `${screen.toLowerCase()}-${colorScheme}.png`) })
        expect(await seriousViolations(page)).toEqual([])
      }
    })
  }
})

async function seriousViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> }
      }
    ).axe
    const { violations } = await axe.run()
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  })
}

/** A local calendar date `days` from today. */
function localDate(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
