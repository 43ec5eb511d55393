import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { localIsoDate } from '../../preload/contract/local-date'
import { presetRange } from '../../renderer/src/features/invoices/datePresets'
import { formatLocaleDate, localeDateOrder } from '../../renderer/src/lib/localeDate'
import { hoursmithDataset } from '../../main/simulators/hoursmith/dataset'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { hoursmithToken } from '../helpers/tokens'
import { tempDir } from '../helpers/temp-dir'
import { startHost, type RunningHost } from './support/host'
import { invokeInPage, invokeOk } from './support/invoke'
import { showInvoices } from './support/navigate'

/**
 * The finance basics of a clerk's week (issue 19) in Chromium through the test host, against the
 * Hoursmith simulator: issue-date presets on the local calendar, Paid on from Hoursmith's paidAt
 * in the grid and the detail, and the Invoices screen's print page.
 */
const DAY = 86_400_000
const now = new Date()
// One invoice every 9 days back from today, so each preset has some and leaves some out.
const invoices = hoursmithDataset({ count: 50, seed: 19, deletedShare: 0, testFixtures: false }).map((invoice, i) => ({
  ...invoice,
  issueDate: localIsoDate(new Date(now.getTime() - i * 9 * DAY))
}))
const inRange = (range: { from: string; to: string }): number =>
  invoices.filter((i) => i.issueDate! >= range.from && i.issueDate! <= range.to).length

test.describe('finance basics: presets, Paid on, print', () => {
  // Date fields show dates in the user's locale order: month first here.
  test.use({ locale: 'en-US' })
  const shown = (iso: string): string => formatLocaleDate(iso, localeDateOrder('en-US'))
  let dir: ReturnType<typeof tempDir>
  let simulator: HoursmithSimulator
  let host: RunningHost
  const token = hoursmithToken()

  test.beforeEach(async ({ page }) => {
    dir = tempDir('quire-e2e-finance-')
    simulator = await startHoursmithSimulator({ invoices, tokens: { [token]: {} } })
    host = await startHost(dir.path)
    await page.goto(host.url)
    await invokeOk(page, 'accounts.add', {
      provider: 'hoursmith',
      name: 'Studio',
      baseUrl: simulator.baseUrl,
      secret: token
    })
    expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })
    await page.reload()
    await showInvoices(page)
  })

  test.afterEach(async () => {
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  test('issue-date presets fill From and To on the local calendar, and the grid follows', async ({ page }) => {
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(invoices.length))
    await page.getByRole('button', { name: /^More filters/ }).click()
    const issued = page.getByRole('group', { name: 'Issue date' })
    const preset = issued.getByLabel('Range')
    await expect(preset).toHaveValue('')

    for (const [id, label] of [
      ['lastMonth', 'Last month'],
      ['thisQuarter', 'This quarter'],
      ['last12Months', 'Last 12 months']
    ] as const) {
      await preset.selectOption({ label })
      const range = presetRange(id, new Date())
      await expect(issued.getByLabel('From')).toHaveValue(shown(range.from))
      await expect(issued.getByLabel('To')).toHaveValue(shown(range.to))
      await expect(grid).toHaveAttribute('aria-rowcount', String(inRange(range)))
      await expect(preset).toHaveValue(id)
    }
    // A date typed by hand is no preset any more.
    await issued.getByLabel('From').fill('2020-01-01')
    await expect(preset).toHaveValue('')
  })

  test('Paid on shows Hoursmith’s paidAt as a local date in the grid and the detail, and sorts', async ({ page }) => {
    const localDate = (iso: string): Promise<string> =>
      page.evaluate((at) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(new Date(at)), iso)
    // Hidden by default: only Hoursmith sends it.
    await expect(page.getByRole('columnheader', { name: 'Paid on' })).toHaveCount(0)
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('group', { name: 'Columns' }).getByLabel('Paid on', { exact: true }).check()
    await page.keyboard.press('Escape')
    const header = page.getByRole('columnheader', { name: 'Paid on' })
    await expect(header).toBeVisible()

    await header.getByRole('button', { name: 'Paid on' }).click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    const latest = [...invoices].filter((i) => i.paidAt).sort((a, b) => (a.paidAt! < b.paidAt! ? 1 : -1))[0]!
    const grid = page.getByRole('grid', { name: 'Invoices' })
    const first = grid.locator('[role="row"][aria-rowindex="1"]')
    await expect(first).toContainText(latest.number!)
    await expect(first.locator('[data-column="paidAt"]')).toHaveText(await localDate(latest.paidAt!))

    await first.click()
    const detail = page.getByRole('complementary', { name: 'Invoice details' })
    await expect(detail.getByText('Paid on')).toBeVisible()
    await expect(detail).toContainText(await localDate(latest.paidAt!))
    await expect(detail).toContainText(await localDate(latest.sentAt!))
  })

  test('a Recently viewed entry opens its invoice in the grid’s detail, whatever the grid’s filter', async ({ page }) => {
    const viewed = invoices[7]!
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await grid.getByRole('row').filter({ hasText: viewed.number! }).click()
    const detail = page.getByRole('complementary', { name: 'Invoice details' })
    await expect(detail).toContainText(viewed.number!)
    await page.keyboard.press('Escape')
    await expect(detail).toBeHidden()
    // A filter that leaves the invoice out: the detail opens over the grid as it is.
    await page.getByLabel('Status', { exact: true }).selectOption(viewed.status === 'DRAFT' ? 'paid' : 'draft')

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click()
    const entry = page.getByRole('region', { name: 'Recently viewed' }).getByRole('listitem').first()
    await entry.getByRole('button', { name: viewed.number! }).click()
    await expect(page.getByRole('heading', { name: 'Invoices', level: 1 })).toBeVisible()
    await expect(detail).toBeVisible()
    await expect(detail).toContainText(viewed.number!)
    await expect(detail).toContainText(viewed.billToName!)
  })

  test('printing the list gives a light page with the filter in words, the time, the totals and the rows, no app around it', async ({
    page
  }) => {
    await page.getByLabel('Status', { exact: true }).selectOption('paid')
    const paid = invoices.filter((i) => i.status === 'PAID')
    await expect(page.getByRole('grid', { name: 'Invoices' })).toHaveAttribute('aria-rowcount', String(paid.length))
    const print = page.getByTestId('invoices-print')
    await expect(print).toBeHidden()
    await page.getByRole('button', { name: 'Print…' }).click()
    await expect(print.locator('tbody tr')).toHaveCount(paid.length)

    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden()
    await expect(page.getByRole('button', { name: 'Print…' })).toBeHidden()
    await expect(page.getByRole('grid', { name: 'Invoices' })).toBeHidden()
    await expect(print).toBeVisible()
    await expect(print).toContainText('Paid invoices; sorted by Issue date, descending.')
    await expect(print).toContainText(/Printed .*; \d+ invoices\./)
    await expect(print.locator('.invoices-print-totals li').first()).toContainText(/total .*, balance /)
    await expect(print.locator('thead th').first()).toHaveText('Account')
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)')
    await page.screenshot({ path: join('test-results', 'invoices-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await expect(print).toBeHidden()

    // Another filter drops the printed rows; Ctrl+P fetches the new ones, as Print… does.
    await page.getByLabel('Status', { exact: true }).selectOption('')
    await expect(print.locator('tbody tr')).toHaveCount(0)
    await page.locator('body').press('Control+P')
    await expect(print.locator('tbody tr')).toHaveCount(invoices.length)
  })
})
