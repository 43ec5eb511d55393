import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startHoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { hoursmithToken } from '../helpers/tokens'
import { tempDir } from '../helpers/temp-dir'
import { seriousViolations } from './support/axe'
import { startHost, type RunningHost } from './support/host'
import { showInvoices } from './support/navigate'
import { invokeInPage, invokeOk } from './support/invoke'

/**
 * A finance clerk's week (issue 19) in Chromium through the test host, against a Yeti-Switch
 * simulator (which sends no due dates): what Overdue cannot see and payment terms that fix it,
 * Total and Balance with void and draft left out, copying rows as TSV, a refused wrong token,
 * a failing account that stays in the top bar, hidden amounts that confirm nothing, and axe in
 * both themes at 1440×900 and 1024×640.
 */
const PASSWORD = 'yeti-e2e-clerk-pw'

test.describe('a finance clerk’s week', () => {
  let dir: ReturnType<typeof tempDir>
  let simulator: YetiSimulator
  let host: RunningHost

  test.beforeEach(async () => {
    dir = tempDir('quire-e2e-clerk-')
    simulator = await startYetiSimulator({ invoices: 40, seed: 19, users: { ops: { password: PASSWORD } } })
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  async function addAndSync(page: Page): Promise<string> {
    await page.goto(host.url)
    const added = await invokeOk(page, 'accounts.add', {
      provider: 'yeti',
      name: 'Ops',
      baseUrl: simulator.baseUrl,
      options: { login: 'ops' },
      secret: PASSWORD
    })
    expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })
    await page.reload()
    await showInvoices(page)
    return added.id
  }

  const openCount = async (page: Page): Promise<number> => {
    // invoices.list may leave a new query's first window uncounted: ask for the count itself.
    return (await invokeOk(page, 'invoices.count', { status: 'open' })).count
  }

  test('Overdue says how many open invoices lack a due date, and payment terms give them one, marked derived', async ({ page }) => {
    await addAndSync(page)
    const open = await openCount(page)
    expect(open).toBeGreaterThan(0)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid.getByText('no due date from this provider').first()).toBeAttached()

    await page.getByLabel('Status', { exact: true }).selectOption('overdue')
    const notice = page.getByRole('status').filter({ hasText: 'Overdue leaves out' })
    await expect(notice).toContainText(`${open} open invoice`)
    await notice.getByRole('button', { name: 'Set payment terms' }).click()

    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'Set payment terms' }).click()
    const form = page.getByRole('form', { name: 'Payment terms for Ops' })
    await form.getByLabel('Net days').fill('400')
    await form.getByRole('button', { name: 'Save terms' }).click()
    await expect(form.getByRole('alert')).toContainText('0 to 366')
    // Yeti invoices bill a period: net 0 from its end makes every open one due by now.
    await form.getByLabel('Net days').fill('0')
    await form.getByLabel('Counted from').selectOption('periodEnd')
    await form.getByRole('button', { name: 'Save terms' }).click()
    await expect(page.getByText('Net 0 days from the end of the service period.')).toBeVisible()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Overdue leaves out' })).toHaveCount(0)
    await expect(grid).toHaveAttribute('aria-rowcount', String(open))
    await expect(grid.getByText('derived').first()).toBeVisible()
  })

  test('the footer shows Total and Balance, leaves void and draft out with a visible switch, and copy puts TSV on the clipboard', async ({
    page,
    context
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    // Hoursmith sends void and draft invoices (Yeti serves approved ones only).
    const token = hoursmithToken()
    const hoursmith = await startHoursmithSimulator({ invoices: 120, seed: 19, tokens: { [token]: {} } })
    try {
      await page.goto(host.url)
      await invokeOk(page, 'accounts.add', {
        provider: 'hoursmith',
        name: 'Studio',
        baseUrl: hoursmith.baseUrl,
        secret: token
      })
      expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })
      await page.reload()
      await showInvoices(page)
    } finally {
      await hoursmith.close()
    }
    const all = await invokeOk(page, 'invoices.list', { limit: 500 })
    const notCounted = (item: { status: string }) => item.status === 'void' || item.status === 'draft'
    const leftOut = all.items.filter(notCounted).length
    expect(leftOut).toBeGreaterThan(0)
    const totals = page.getByRole('region', { name: 'All invoices totals' })
    await expect(totals).toContainText(`${leftOut} void or draft invoice`)
    for (const currency of new Set(all.items.map((item) => item.currency))) {
      const counted = all.items.filter((item) => item.currency === currency && !notCounted(item)).length
      if (counted > 0)
        await expect(
          totals
            .getByRole('listitem')
            .filter({ hasText: `${counted} invoice` })
            .first()
        ).toContainText(/Total .+ Balance .+/)
    }
    await page.getByLabel('Count void and draft').check()
    await expect(totals).not.toContainText('not counted')

    const grid = page.getByRole('grid', { name: 'Invoices' })
    await grid.locator('[role="row"][aria-rowindex="1"]').focus()
    await page.keyboard.press('x')
    await page.keyboard.press('j')
    await page.keyboard.press('x')
    await page.keyboard.press('ControlOrMeta+c')
    await expect(page.getByRole('status').filter({ hasText: 'Copied 2 rows' })).toBeVisible()
    const text: string = await page.evaluate(() =>
      (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()
    )
    const lines = text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split('\t'))
    expect(lines).toHaveLength(3)
    expect(lines[0]).toEqual(expect.arrayContaining(['Number', 'Total', 'Balance', 'Currency']))
    const total = lines[0]!.indexOf('Total')
    for (const line of lines.slice(1)) expect(line[total]).toMatch(/^-?\d+(\.\d+)?$/)
  })

  test('Replace token refuses a wrong secret; a failing account stays in the top bar after the banner goes', async ({ page }) => {
    await addAndSync(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts' }).click()
    await page.getByRole('button', { name: 'Replace token' }).click()
    const form = page.getByRole('form', { name: 'Replace token for Ops' })
    await form.getByLabel('Replacement token').fill('not-the-password')
    await form.getByRole('button', { name: 'Test and save' }).click()
    await expect(form.getByRole('alert')).toBeVisible()
    await form.getByRole('button', { name: 'Cancel' }).click()
    // The old password was kept: the account still syncs.
    expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })

    const wrong = await invokeInPage(page, 'accounts.add', {
      provider: 'yeti',
      name: 'Backup',
      baseUrl: simulator.baseUrl,
      options: { login: 'ops' },
      secret: 'wrong-password'
    })
    expect(wrong.ok).toBe(true)
    await page.getByRole('button', { name: 'Sync now' }).first().click()
    const banner = page.getByRole('alert').filter({ hasText: 'Backup' })
    await expect(banner).toBeVisible({ timeout: 30_000 })
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await expect(banner).toHaveCount(0)
    const topBar = page.locator('header.topbar')
    await expect(topBar).toContainText(/Backup failing since/)
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Accounts\s*1 need attention/ })).toBeVisible()
    await topBar.getByRole('button', { name: 'Fix' }).click()
    await expect(page.getByText(/Failing since/)).toBeVisible()
  })

  test('with amounts hidden, an amount search confirms nothing and amount sorts are off', async ({ page }) => {
    const accountId = await addAndSync(page)
    const first = await invokeOk(page, 'invoices.list', { limit: 1, status: 'open' })
    const total = first.items[0]!.total!
    const search = page.getByRole('searchbox', { name: 'Search invoices' })
    await search.fill(total)
    await expect(page.getByText(/matching invoice/)).toBeVisible()
    await page.getByRole('button', { name: 'Hide amounts' }).click()
    await expect(page.getByText(/No invoices match/)).toBeVisible()
    await search.fill('')
    await expect(page.getByRole('columnheader', { name: 'Total' }).getByRole('button')).toBeDisabled()
    expect(accountId).toBeTruthy()
  })

  test('the keyboard goes from search to the results: ↓ focuses a row, Esc keeps the query, Enter opens a single match', async ({
    page
  }) => {
    await addAndSync(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    const search = page.getByRole('searchbox', { name: 'Search invoices' })
    // ↓ before any result is listed has nothing to go to: wait for the rows, as a person sees them.
    await expect(grid.locator('[role="row"][aria-rowindex="1"]')).toContainText(/\d/)
    await search.focus()
    await page.keyboard.press('ArrowDown')
    await expect(grid.locator('[role="row"][aria-rowindex="1"]')).toBeFocused()

    // A number only one invoice matches (a number can also be the prefix or end of others).
    const listed = await invokeOk(page, 'invoices.list', { limit: 100 })
    let wanted: (typeof listed.items)[number] | undefined
    for (const item of listed.items) {
      const found = await invokeOk(page, 'invoices.list', { search: item.number!, limit: 2 })
      if (found.total === 1) {
        wanted = item
        break
      }
    }
    if (!wanted) throw new Error('no invoice number matches one invoice alone')
    await page.keyboard.press('/')
    await search.fill(wanted.number!)
    await expect(grid).toHaveAttribute('aria-rowcount', '1')
    await page.keyboard.press('Escape')
    await expect(search).toHaveValue(wanted.number!)
    await expect(grid.locator('[role="row"][aria-rowindex="1"]')).toBeFocused()
    await search.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('complementary', { name: 'Invoice details' })).toContainText(wanted.number!)
  })

  test('at 1024×640 the amount columns and the totals footer are fully in view, the number too', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 640 })
    await addAndSync(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid.locator('[role="row"][aria-rowindex="1"]')).toContainText(/\d/)
    const inView = async (name: string): Promise<void> => {
      const cell = await page.getByRole('columnheader', { name }).boundingBox()
      const area = await grid.boundingBox()
      expect(cell, name).not.toBeNull()
      expect(cell!.x, name).toBeGreaterThanOrEqual(area!.x - 1)
      expect(cell!.x + cell!.width, name).toBeLessThanOrEqual(area!.x + area!.width + 1)
    }
    for (const scrollLeft of [0, 10_000]) {
      await grid.evaluate((element, left) => (element.scrollLeft = left), scrollLeft)
      for (const name of ['Number', 'Total', 'Balance']) await inView(name)
    }
    const totals = page.getByRole('region', { name: 'All invoices totals' })
    const box = (await totals.boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(640)
    expect(
      await totals.evaluate((element) =>
        [...element.querySelectorAll('li')].every(
          (li) =>
            li.scrollWidth <= li.clientWidth + 1 &&
            li.getBoundingClientRect().right <= (globalThis as unknown as { innerWidth: number }).innerWidth
        )
      )
    ).toBe(true)
    await page.screenshot({ path: join('test-results', 'clerk-1024-scrolled.png') })
  })

  test.describe('accessibility', () => {
    test.use({ bypassCSP: true })
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, height] of [
        [1440, 900],
        [1024, 640]
      ] as const) {
        test(`nothing serious for axe in the ${colorScheme} theme at ${width}×${height}`, async ({ page }) => {
          await page.setViewportSize({ width, height })
          await page.emulateMedia({ colorScheme })
          await addAndSync(page)
          await page.getByLabel('Status', { exact: true }).selectOption('overdue')
          await expect(page.getByRole('status').filter({ hasText: 'Overdue leaves out' })).toBeVisible()
          await page.screenshot({ path: join('test-results', `clerk-overdue-${colorScheme}-${width}.png`) })
          expect(await seriousViolations(page)).toEqual([])
          await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts' }).click()
          await page.getByRole('button', { name: 'Set payment terms' }).click()
          await page.screenshot({ path: join('test-results', `clerk-terms-${colorScheme}-${width}.png`) })
          expect(await seriousViolations(page)).toEqual([])
        })
      }
    }
  })
})
