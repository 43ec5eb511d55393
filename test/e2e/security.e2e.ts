import { expect, test } from '@playwright/test'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { tempDir } from '../helpers/temp-dir'
import { startHost, type RunningHost } from './support/host'

const LOGIN = 'voice-admin'
const PASSWORD = 'correct-battery-staple'

test.describe('the host and the insecure-connection choice, in Chromium', () => {
  let dir: ReturnType<typeof tempDir>
  let simulator: YetiSimulator
  let host: RunningHost

  test.beforeEach(async () => {
    dir = tempDir('quire-e2e-')
    simulator = await startYetiSimulator({ users: { [LOGIN]: { password: PASSWORD } }, invoices: 5, seed: 3 })
    host = await startHost(dir.path)
  })
  test.afterEach(async () => {
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  test('opens only through the printed URL, and shows an allowed insecure connection on the account card', async ({ page, context }) => {
    const bare = new URL(host.url).origin + '/'
    const refused = await page.goto(bare)
    expect(refused?.status()).toBe(403)

    await page.goto(host.url)
    // The token left the address bar for an HttpOnly cookie.
    expect(page.url()).toBe(bare)
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })

    await page.getByRole('button', { name: 'Add an account' }).click()
    const form = page.getByRole('form', { name: 'Add an account' })
    await form.getByLabel('Provider').selectOption('Yeti-Switch')
    await expect(form.getByText('Warning: your password and invoices will cross the network unencrypted')).toHaveCount(0)
    await form.getByLabel('Allow insecure connection (http)').check()
    await expect(form.getByText('Warning: your password and invoices will cross the network unencrypted')).toBeVisible()
    await form.getByLabel('Account name').fill('PBX')
    await form.getByLabel('Base URL').fill(simulator.baseUrl)
    await form.getByLabel('Login').fill(LOGIN)
    await form.getByLabel('Password').fill(PASSWORD)
    await form.getByRole('button', { name: 'Add account' }).click()
    const card = page.getByRole('listitem', { name: 'PBX' })
    await expect(card).toBeVisible()
    await expect(card).toContainText('Insecure (http) allowed')
    await page.screenshot({ path: 'test-results/security-insecure-account.png', fullPage: true })
  })
})
