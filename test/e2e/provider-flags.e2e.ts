import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createCore } from '../../main/app/create-core'
import { KeytarSecretStore } from '../../main/secrets/keytar-store'
import { startCareSquareSimulator, type CareSquareSimulator } from '../../main/simulators/caresquare/server'
import type { CareSquareWireInvoice } from '../../main/simulators/caresquare/wire'
import { tempDir } from '../helpers/temp-dir'
import { startHost, type RunningHost } from './support/host'

/**
 * CareSquare's flags as a plan manager meets them: badges in the grid and the detail pane, a
 * filter on each, and totals that leave duplicates and won't-claim invoices out with a visible
 * switch that counts them.
 */
test.describe('provider flags', () => {
  const planManagerId = randomUUID()
  const key = `cs_live_${randomUUID().replaceAll('-', '')}`
  let dir: ReturnType<typeof tempDir>
  let simulator: CareSquareSimulator
  let host: RunningHost | null = null
  let live: CareSquareWireInvoice[]

  test.beforeEach(async () => {
    dir = tempDir('quire-flags-')
    simulator = await startCareSquareSimulator({
      invoices: { [planManagerId]: 30 },
      apiKeys: { [key]: { planManagerIds: [planManagerId] } },
      testFixtures: false
    })
    const invoices = simulator.invoices[planManagerId]!
    for (const invoice of invoices) Object.assign(invoice, { is_duplicate: false, wont_claim: false, errors: false })
    live = invoices.filter((invoice) => !invoice.is_deleted)
    Object.assign(live[0]!, { is_duplicate: true })
    Object.assign(live[1]!, { is_duplicate: true, errors: true })
    Object.assign(live[2]!, { wont_claim: true })
    simulator.changed()
    const core = await createCore({ dataDir: dir.path, secrets: new KeytarSecretStore() })
    try {
      await core.accounts.add({
        provider: 'caresquare',
        name: 'Plan Co',
        baseUrl: simulator.baseUrl,
        secret: key,
        options: { planManagerIds: [planManagerId] }
      })
      expect((await core.sync.run())[0]).toMatchObject({ ok: true })
    } finally {
      await core.close()
    }
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    await simulator.close()
    dir.remove()
  })

  test('badges, a filter per flag, and totals that say what they leave out', async ({ page }) => {
    await page.goto(host!.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))

    const totals = page.getByRole('region', { name: 'All invoices totals' })
    // Both rules at once: void and draft are left out by default too, with their own switch.
    await expect(totals).toContainText(/void or draft invoices? not counted/)
    await page.getByLabel('Count void and draft').check()
    await expect(totals).not.toContainText('not counted')
    await expect(totals).toContainText(`${live.length - 3} invoices`)
    const count = page.getByRole('checkbox', { name: /Count 3 duplicate or won’t-claim invoices/ })
    await expect(count).not.toBeChecked()
    await expect(page.getByText('(left out of these totals)')).toBeVisible()
    await count.check()
    await expect(totals).toContainText(`${live.length} invoices`)
    await count.uncheck()
    await expect(totals).toContainText(`${live.length - 3} invoices`)

    await page.getByRole('button', { name: /More filters/ }).click()
    await page.getByLabel('Duplicates').selectOption({ label: 'Only duplicates' })
    await expect(grid).toHaveAttribute('aria-rowcount', '2')
    await expect(grid.getByText('Duplicate', { exact: true })).toHaveCount(2)
    await expect(grid.getByText('Errors', { exact: true })).toHaveCount(1)
    // Asked for, duplicates are what the totals add up.
    await expect(page.getByRole('region', { name: 'Matching totals' })).toContainText('2 invoices')
    await page.screenshot({ path: join('test-results', 'provider-flags.png') })

    await page.getByLabel('Duplicates').selectOption({ label: 'Any' })
    await page.getByLabel('Won’t claim').selectOption({ label: 'Only won’t claim' })
    await expect(grid).toHaveAttribute('aria-rowcount', '1')
    await grid.getByRole('row').nth(1).click()
    const pane = page.getByRole('complementary', { name: 'Invoice details' })
    await expect(pane.getByText('Won’t claim', { exact: true })).toBeVisible()
    await page.screenshot({ path: join('test-results', 'provider-flags-detail.png') })
  })
})
