import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { startCareSquareSimulator, type CareSquareSimulator } from '../../main/simulators/caresquare/server'
import { tempDir } from '../helpers/temp-dir'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'
import { invokeInPage, invokeOk } from './support/invoke'

test.describe('invoice activity, in Chromium against the real core', () => {
  const planManagerId = randomUUID()
  const key = `cs_live_${randomUUID().replaceAll('-', '')}`
  let dir: ReturnType<typeof tempDir>
  let simulator: CareSquareSimulator
  let host: RunningHost

  test.beforeEach(async () => {
    dir = tempDir('quire-e2e-')
    simulator = await startCareSquareSimulator({ invoices: 40, seed: 7, apiKeys: { [key]: { planManagerIds: [planManagerId] } } })
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  test('open an invoice, wait, close: the view shows in its timeline beside CareSquare’s, and in Recently viewed', async ({ page }) => {
    await page.goto(host.url)
    const added = await invokeOk(page, 'accounts.add', {
      provider: 'caresquare',
      name: 'Plan Co',
      baseUrl: simulator.baseUrl,
      options: { planManagerIds: [planManagerId] },
      secret: key
    })
    const accountId = added.id
    try {
      expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })
      // An invoice CareSquare has finished view sessions for, findable by its number.
      const viewed = simulator.viewSessions[planManagerId]!.find((session) => {
        const invoice = simulator.invoices[planManagerId]!.find((candidate) => String(candidate.id) === session.invoice_id)
        return session.session_ended !== null && invoice?.invoice_number?.startsWith('INV-') && !invoice.is_deleted
      })!
      const invoice = simulator.invoices[planManagerId]!.find((candidate) => String(candidate.id) === viewed.invoice_id)!
      const remote = simulator.viewSessions[planManagerId]!.filter((session) => session.invoice_id === viewed.invoice_id)

      await page.reload()
      await showInvoices(page)
      await page.getByRole('searchbox', { name: 'Search invoices' }).fill(invoice.invoice_number!)
      const pane = await openRow(page, invoice.invoice_number!)
      const timeline = pane.getByRole('region', { name: 'Activity' })
      await expect(timeline.getByRole('listitem').filter({ hasText: 'This computer' })).toContainText('Open now')
      await page.waitForTimeout(4_000)
      await pane.getByRole('button', { name: 'Close' }).click()
      await expect(pane).toHaveCount(0)

      // Reopened: the earlier view has ended, with plausible figures, beside CareSquare's sessions.
      const reopened = await openRow(page, invoice.invoice_number!)
      const sessions = reopened.getByRole('region', { name: 'Activity' }).getByRole('listitem')
      await expect(sessions).toHaveCount(remote.length + 2)
      await expect(sessions.filter({ hasText: 'CareSquare' }).filter({ hasText: viewed.user_name })).not.toHaveCount(0)
      await expect(sessions.filter({ hasText: 'This computer' }).filter({ hasNotText: 'Open now' })).toContainText(
        /\d sec · \d sec active · \d sec engaged · never idle/
      )
      const activity = await invokeOk(page, 'activity.forInvoice', { accountId, remoteId: String(invoice.id) })
      const [, local] = activity.sessions.filter((session) => session.source === 'local')
      expect(local).toMatchObject({ open: false, surface: 'detail' })
      expect(local!.durationSeconds).toBeGreaterThanOrEqual(4)
      expect(local!.durationSeconds).toBeLessThanOrEqual(7)
      expect(local!.activeSeconds).toBeGreaterThanOrEqual(local!.durationSeconds! - 1)
      expect(local!.engagedSeconds).toBeLessThanOrEqual(local!.activeSeconds!)
      expect(local!.engagedSeconds).toBeGreaterThanOrEqual(4)
      await reopened.getByRole('region', { name: 'Activity' }).scrollIntoViewIfNeeded()
      await page.screenshot({ path: join('test-results', 'activity-timeline.png') })
      await reopened.getByRole('button', { name: 'Close' }).click()

      // Reading its PDF from the pane is one reading, not two at once: the pane's session pauses.
      const third = await openRow(page, invoice.invoice_number!)
      await third.getByRole('button', { name: 'Open PDF' }).click()
      const viewer = page.getByRole('dialog', { name: `Invoice ${invoice.invoice_number}` })
      await expect(viewer.getByRole('group', { name: 'Page 1' })).toBeVisible()
      await page.waitForTimeout(1_500)
      await viewer.getByRole('button', { name: 'Close' }).click()
      await third.getByRole('button', { name: 'Close' }).click()
      await expect
        .poll(async () => {
          const result = await invokeInPage(page, 'activity.forInvoice', { accountId, remoteId: String(invoice.id) })
          return result.ok ? result.value.sessions.filter((session) => session.source === 'local' && session.open).length : -1
        })
        .toBe(0)
      const read = await invokeOk(page, 'activity.forInvoice', { accountId, remoteId: String(invoice.id) })
      const locals = read.sessions.filter((session) => session.source === 'local').sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      expect(locals.map((session) => session.surface)).toEqual(['detail', 'detail', 'detail', 'pdf', 'detail'])
      for (let i = 1; i < locals.length; i += 1)
        expect(Date.parse(locals[i]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(locals[i - 1]!.endedAt!) - 1_000)

      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click()
      const recent = page.getByRole('region', { name: 'Recently viewed' }).getByRole('listitem')
      await expect(recent.first()).toContainText('This computer')
      await expect(recent.first()).toContainText(invoice.invoice_number!)
      await page.screenshot({ path: join('test-results', 'activity-screen.png'), fullPage: true })

      // Privacy: with recording off, opening an invoice records nothing; clearing removes only local sessions.
      await page.getByRole('checkbox', { name: 'Record when I view an invoice' }).uncheck()
      await expect(page.getByRole('checkbox', { name: 'Record when I view an invoice' })).not.toBeChecked()
      await page.getByRole('button', { name: 'Clear sessions recorded here…' }).click()
      await page.getByRole('button', { name: 'Clear sessions', exact: true }).click()
      await expect(page.getByRole('status').filter({ hasText: 'Cleared 5 sessions recorded on this computer.' })).toBeVisible()
      await expect(recent.filter({ hasText: 'This computer' })).toHaveCount(0)
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
      await page.getByRole('searchbox', { name: 'Search invoices' }).fill(invoice.invoice_number!)
      await expect(
        (await openRow(page, invoice.invoice_number!)).getByRole('region', { name: 'Activity' }).getByRole('listitem')
      ).toHaveCount(remote.length)
    } finally {
      await invokeInPage(page, 'accounts.remove', { accountId })
    }
  })
})

async function openRow(page: Page, number: string) {
  const grid = page.getByRole('grid', { name: 'Invoices' })
  await expect(grid).toHaveAttribute('aria-rowcount', '1')
  const row = grid.getByRole('row').nth(1)
  await row.click()
  const pane = page.getByRole('complementary', { name: 'Invoice details' })
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(number)
  return pane
}
