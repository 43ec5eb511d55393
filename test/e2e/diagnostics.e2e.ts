import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { KeytarSecretStore } from '../../main/secrets/keytar-store'
import { accessTokenEntry } from '../../main/secrets/keychain-access-token'
import { startLynkwellSimulator, type LynkwellSimulator } from '../../main/simulators/lynkwell/server'
import { tempDir } from '../helpers/temp-dir'
import { startHost, type RunningHost } from './support/host'
import { invokeOk } from './support/invoke'

const CLIENT_ID = 'e2e-client'
const SECRET = 'lw-e2e-diagnostics-secret'

test.describe('Lynkwell amount unit, logs and diagnostics in the app', () => {
  let dir: ReturnType<typeof tempDir>
  let simulator: LynkwellSimulator | null = null
  let host: RunningHost | null = null

  test.beforeEach(async () => {
    dir = tempDir('quire-e2e-diag-')
    process.env.QUIRE_EXPORT_DIR = join(dir.path, 'downloads')
    simulator = await startLynkwellSimulator({ invoices: 30, seed: 5, clients: { [CLIENT_ID]: { secret: SECRET } } })
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    await simulator?.close()
    delete process.env.QUIRE_EXPORT_DIR
    dir.remove()
  })

  test('add a Lynkwell account in cents, see it on the card, then find the log and save diagnostics', async ({ page }) => {
    await page.goto(host!.url)
    await page.getByRole('button', { name: 'Add an account' }).click()
    const form = page.getByRole('form', { name: 'Add an account' })
    await form.getByLabel('Provider').selectOption('Lynkwell')
    await form.getByLabel('Account name').fill('Chargers')
    await form.getByLabel('Base URL').fill(simulator!.baseUrl)
    await form.getByLabel('Client secret').fill(SECRET)
    await form.getByLabel('Client ID').fill(CLIENT_ID)
    await form.getByLabel('Token URL').fill(simulator!.tokenUrl)
    await expect(form.getByLabel('Amounts are in')).toHaveValue('major')
    await form.getByLabel('Amounts are in').selectOption('minor')
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('status')).toContainText('Connected to Lynkwell')
    await form.getByRole('button', { name: 'Add account' }).click()
    const card = page.getByRole('listitem', { name: 'Chargers' })
    await expect(card).toContainText('cents (minor units)')
    await card.screenshot({ path: join(process.env.QUIRE_SCREENSHOT_DIR ?? dir.path, 'lynkwell-card.png') })
    // The token the check won is kept with the account: the add asked Auth0 once.
    expect(simulator!.tokenRequests.count).toBe(1)
    const [account] = await invokeOk(page, 'accounts.list', {})
    expect(account).toBeDefined()
    await new KeytarSecretStore().delete(accessTokenEntry(account!.id))

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
    const logFile = page.getByLabel('Log file')
    await expect(logFile).toHaveValue(join(dir.path, 'logs', 'quire.log'))
    // The test host has no desktop shell: the path is shown, no button pretends to open it.
    await expect(page.getByRole('button', { name: 'Open logs folder' })).toHaveCount(0)
    await page.getByLabel('Include invoice details').check()
    await page.getByRole('button', { name: 'Save diagnostics…' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved to' })).toContainText('quire-diagnostics-')
    const saved = readdirSync(join(dir.path, 'downloads'))
    expect(saved).toHaveLength(1)
    expect(saved[0]).toMatch(/^quire-diagnostics-.*\.zip$/)
    expect(existsSync(join(dir.path, 'logs', 'quire.log'))).toBe(true)
    await page.screenshot({ path: join(process.env.QUIRE_SCREENSHOT_DIR ?? dir.path, 'diagnostics-settings.png'), fullPage: true })

    await new KeytarSecretStore().delete(account!.id)
  })
})
