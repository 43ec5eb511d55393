import { expect, test } from '@playwright/test'
import { createCore } from '../../main/app/create-core'
import { KeytarSecretStore } from '../../main/secrets/keytar-store'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { tempDir } from '../helpers/temp-dir'
import { hoursmithToken } from '../helpers/tokens'
import { startHost, type RunningHost } from './support/host'
import { showInvoices } from './support/navigate'

/**
 * A provider that sends records Quire cannot read, seen as a person would: the account card
 * says how many, opens them with the reason and the record to copy, and the totals bar says
 * how many invoices have no amount.
 */
test.describe('records that could not be read', () => {
  let dir: ReturnType<typeof tempDir>
  let simulator: HoursmithSimulator
  let host: RunningHost | null = null
  const token = hoursmithToken()

  test.beforeEach(async () => {
    dir = tempDir('quire-skipped-')
    simulator = await startHoursmithSimulator({ invoices: 120, seed: 3, badRecords: true, tokens: { [token]: {} } })
    simulator.badRecords.find((record) => record.label === 'deep')!.record.notes = `pasted: ${token}`
    const core = await createCore({ dataDir: dir.path, secrets: new KeytarSecretStore() })
    await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    await core.sync.run()
    await core.close()
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    const core = await createCore({ dataDir: dir.path, secrets: new KeytarSecretStore() })
    for (const account of core.accounts.list()) await core.accounts.remove(account.id)
    await core.close()
    await simulator.close()
    dir.remove()
  })

  test('the account card lists them with reasons and copyable, redacted records; the totals count the unknown amounts', async ({
    page
  }) => {
    await page.goto(host!.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts' }).click()
    const toggle = page.getByRole('button', { name: '4 invoices could not be read' })
    await expect(toggle).toHaveAttribute('aria-expanded', 'false')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByText(/reads these again on every sync/)).toBeVisible()
    const items = page.locator('.skipped-item')
    await expect(items).toHaveCount(4)
    await expect(items.filter({ hasText: 'Invoice bad-huge-amount' })).toContainText('the amount is beyond ±10^14')
    await expect(items.filter({ hasText: 'A record with no id' })).toHaveCount(1)
    const deep = items.filter({ hasText: 'Invoice bad-deep' }).getByRole('textbox')
    await expect(deep).toHaveValue(/\[redacted\]/)
    expect(await deep.inputValue()).not.toContain(token)
    await items.first().getByRole('button', { name: 'Copy record' }).click()
    await expect(items.first().getByRole('status')).toHaveText(/Copied\.|Selected: press Ctrl\+C/)

    await showInvoices(page)
    await expect(page.getByRole('region', { name: 'All invoices totals' })).toContainText('without an amount (not in the sum)')
  })
})
