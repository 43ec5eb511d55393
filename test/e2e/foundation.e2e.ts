import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { KeytarSecretStore } from '../../main/secrets/keytar-store'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { tempDir } from '../helpers/temp-dir'
import { hoursmithToken } from '../helpers/tokens'
import { tryDemoWorkspace } from './support/demo-workspace'
import { startHost, type RunningHost } from './support/host'
import { invokeInPage, invokeOk } from './support/invoke'

const INVOICES = 430

test.describe('first run to offline browsing, in Chromium against the real core', () => {
  let dir: ReturnType<typeof tempDir>
  let simulator: HoursmithSimulator | null
  let host: RunningHost | null
  const token = hoursmithToken()

  test.beforeEach(async () => {
    dir = tempDir('quire-e2e-')
    simulator = await startHoursmithSimulator({
      invoices: INVOICES,
      seed: 11,
      tokens: { [token]: { plan: 'studio', role: 'owner', workspace: 'Finch Studio' } }
    })
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    await simulator?.close()
    dir.remove()
  })

  test('add an account, sync, browse, open detail, then restart offline and browse again', async ({ page }) => {
    const live = simulator!.invoices.filter((invoice) => invoice.deletedAt === null)
    const newest = [...live].sort((a, b) => (b.issueDate ?? '').localeCompare(a.issueDate ?? ''))[0]!
    await page.goto(host!.url)

    await expect(page.getByRole('heading', { name: 'Welcome to Quire' })).toBeVisible()
    await page.getByRole('button', { name: 'Add an account' }).click()
    await expect(page.getByRole('heading', { name: 'Accounts', level: 1 })).toBeVisible()
    const form = page.getByRole('form', { name: 'Add an account' })
    await form.getByLabel('Provider').selectOption('Hoursmith')
    await form.getByLabel('Account name').fill('Finch')
    await form.getByLabel('Base URL').fill(simulator!.baseUrl)
    await form.getByLabel('Personal access token').fill('hsk_test_wrongwrongwro_wrongwrongwrongwrongwrongwrongwr')
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('alert')).toContainText('Hoursmith account “Finch”: the API token was rejected')
    // Adding it anyway is refused too: a rejected token is never saved.
    await form.getByRole('button', { name: 'Add account' }).click()
    await expect(form.getByRole('alert')).toContainText('the API token was rejected')
    await expect(page.getByRole('listitem', { name: 'Finch' })).toHaveCount(0)

    await form.getByLabel('Personal access token').fill(token)
    await form.getByRole('button', { name: 'Test connection' }).click()
    await expect(form.getByRole('status')).toContainText('Finch Studio')
    await form.getByRole('button', { name: 'Add account' }).click()
    await expect(page.getByRole('listitem', { name: 'Finch' })).toBeVisible()
    await expect(form.getByLabel('Personal access token')).toHaveValue('')

    await page.getByRole('button', { name: 'Sync now', exact: true }).click()
    await expect(page.getByRole('status').filter({ hasText: `Synced 1 account: ${INVOICES} invoice records received` })).toBeVisible()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', String(live.length))
    await expect(grid.getByRole('row').nth(1)).toContainText(newest.number!)

    await openFirstRow(page, newest.number!)
    await expect(page.getByRole('complementary', { name: 'Invoice details' }).getByText('This provider sends no line items.')).toBeVisible()

    await page.getByRole('searchbox', { name: 'Search invoices' }).fill('Zoë')
    const zoe = live.filter((invoice) => invoice.billToName === 'Zoë Café GmbH').length
    await expect(grid).toHaveAttribute('aria-rowcount', String(zoe))

    // The network goes away: the provider stops, and the app restarts on the same data dir.
    await simulator!.close()
    simulator = null
    await host!.stop()
    host = await startHost(dir.path)
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
    await expect(page.getByRole('grid', { name: 'Invoices' })).toHaveAttribute('aria-rowcount', String(live.length))
    await openFirstRow(page, newest.number!)
    await page.screenshot({ path: join('test-results', 'offline-detail.png') })

    // The token is in the keychain and in no file under the data dir.
    const [account] = await invokeOk(page, 'accounts.list', {})
    expect(JSON.parse((await new KeytarSecretStore().get(account!.id))!)).toMatchObject({ v: 1, secret: token })
    for (const file of filesUnder(dir.path)) expect(readFileSync(file).includes(token), file).toBe(false)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts' }).click()
    await page.getByRole('listitem', { name: 'Finch' }).getByRole('button', { name: 'Remove' }).click()
    await page.getByRole('button', { name: 'Remove account' }).click()
    await expect(page.getByRole('listitem', { name: 'Finch' })).toHaveCount(0)
    expect(await new KeytarSecretStore().get(account!.id)).toBeNull()
  })

  test('the demo workspace syncs all four providers through the real connectors on first run', async ({ page }) => {
    await page.goto(host!.url)
    await tryDemoWorkspace(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toBeVisible()
    const accounts = await invokeOk(page, 'accounts.list', {})
    const cached = accounts.reduce((sum, account) => sum + account.invoiceCount, 0)
    expect(accounts.map((account) => account.provider).sort()).toEqual(['caresquare', 'hoursmith', 'lynkwell', 'yeti'])
    for (const account of accounts) expect(account.invoiceCount, account.name).toBeGreaterThan(100)
    await expect(grid).toHaveAttribute('aria-rowcount', String(cached))
    for (const label of ['CareSquare', 'Yeti-Switch', 'Hoursmith', 'Lynkwell']) {
      // The filter names each account by what tells it apart: "Demo — " is common to all four.
      await page.getByLabel('Account', { exact: true }).selectOption({ label })
      await expect(grid.getByRole('row').nth(1)).toContainText(label)
    }
    await page.getByLabel('Account', { exact: true }).selectOption({ label: 'All accounts' })
    await page.screenshot({ path: join('test-results', 'demo-invoices.png') })
    for (const account of await invokeOk(page, 'accounts.list', {})) {
      const removed = await invokeInPage(page, 'accounts.remove', { accountId: account.id })
      expect(removed.ok).toBe(true)
    }
  })
})

test('a sync the window did not start shows its progress, and can be cancelled from it', async ({ page }) => {
  const dir = tempDir('quire-e2e-background-')
  const token = hoursmithToken()
  // Slow pages, so the sync is still running when the window looks.
  const simulator = await startHoursmithSimulator({
    invoices: 3_000,
    seed: 4,
    tokens: { [token]: { plan: 'studio', role: 'owner', workspace: 'Slow' } },
    faults: () => ({ kind: 'delay', ms: 400 })
  })
  const host = await startHost(dir.path)
  try {
    await page.goto(host.url)
    const added = await invokeOk(page, 'accounts.add', {
      provider: 'hoursmith',
      name: 'Slow',
      baseUrl: simulator.baseUrl,
      secret: token
    })
    await page.reload()
    // As the background schedule, or a sync begun before a reload or an unlock, would.
    const sync = invokeInPage(page, 'sync.run', {})
    await expect(page.getByRole('button', { name: 'Cancel sync' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeDisabled()
    await page.getByRole('button', { name: 'Cancel sync' }).click()
    expect(await sync).toMatchObject({ ok: true, value: [{ ok: false, error: { code: 'CANCELLED' } }] })
    await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled()
    await invokeInPage(page, 'accounts.remove', { accountId: added.id })
  } finally {
    await host.stop()
    await simulator.close()
    dir.remove()
  }
})

async function openFirstRow(page: Page, number: string): Promise<void> {
  const row = page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1)
  await row.click()
  await row.press('Enter')
  const pane = page.getByRole('complementary', { name: 'Invoice details' })
  await expect(pane.getByRole('heading', { level: 2 })).toHaveText(number)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
