import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { fromScaled, toScaled } from '../../main/money/decimal'
import { drawProviderPdf } from '../../main/simulators/shared/provider-pdf'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { tempDir } from '../helpers/temp-dir'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'
import { invokeInPage, invokeOk } from './support/invoke'

const PASSWORD = 'yeti-e2e-docs-pw'
const PDF_ONLY_WORD = 'Quarantinable'

test.describe('documents an auditor can trust, in Chromium against the real core', () => {
  let dir: ReturnType<typeof tempDir>
  let exportsDir: string
  let simulator: YetiSimulator
  let host: RunningHost
  const previousExportDir = process.env.QUIRE_EXPORT_DIR

  test.beforeEach(async () => {
    dir = tempDir('quire-e2e-docs-')
    exportsDir = join(dir.path, 'exports')
    simulator = await startYetiSimulator({ invoices: 12, seed: 3, users: { ops: { password: PASSWORD } } })
    const approved = simulator.invoices.filter((invoice) => invoice.state === 'approved')
    const [worded, scaled] = approved.filter((invoice) => Number(invoice.attributes['amount-spent']) > 1)
    Object.assign(worded!.attributes, { reference: 'QWORD1', 'has-pdf': true })
    Object.assign(scaled!.attributes, { reference: 'QSCALE1', 'has-pdf': true })
    simulator.pdfOverrides.set(
      worded!.id,
      await drawProviderPdf({
        issuer: 'Yeti-Switch billing',
        title: 'Invoice QWORD1',
        facts: [['Memo', `${PDF_ONLY_WORD} routes`]],
        items: [],
        total: worded!.attributes['amount-spent']
      })
    )
    // The same bill listed twice: another id, the same number, total and account.
    const original = approved.find((invoice) => invoice !== worded && invoice !== scaled)!
    const twin = structuredClone(original)
    twin.id = randomUUID()
    Object.assign(twin.attributes, { reference: 'QTWIN1' })
    Object.assign(original.attributes, { reference: 'QTWIN1' })
    simulator.invoices.push(twin)
    simulator.changed()
    process.env.QUIRE_EXPORT_DIR = exportsDir
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    if (previousExportDir === undefined) delete process.env.QUIRE_EXPORT_DIR
    else process.env.QUIRE_EXPORT_DIR = previousExportDir
    await host.stop()
    await simulator.close()
    dir.remove()
  })

  test('search finds a PDF-only word, a mismatch warns, duplicates are reviewed, and PDFs export as a ZIP with progress', async ({
    page
  }) => {
    // The bundle renders a PDF for each invoice without one of its own: seconds each on a shared machine.
    test.setTimeout(300_000)
    await page.goto(host.url)
    const added = await invokeOk(page, 'accounts.add', {
      provider: 'yeti',
      name: 'Ops',
      baseUrl: simulator.baseUrl,
      options: { login: 'ops' },
      secret: PASSWORD
    })
    const accountId = added.id
    try {
      expect(await invokeInPage(page, 'sync.run', {})).toMatchObject({ ok: true, value: [{ ok: true }] })
      const scaledAmount = simulator.invoices.find((invoice) => invoice.attributes.reference === 'QSCALE1')!
      // The amount in the wrong unit: ×100 of what Quire synced, as a mapping mistake would show it.
      const synced = await invokeOk(page, 'invoices.get', { accountId, remoteId: scaledAmount.id })
      simulator.pdfOverrides.set(
        scaledAmount.id,
        await drawProviderPdf({
          issuer: 'Yeti-Switch billing',
          title: 'Invoice QSCALE1',
          facts: [],
          items: [],
          total: hundredfold(synced.total!)
        })
      )
      for (const reference of ['QWORD1', 'QSCALE1']) {
        const remoteId = simulator.invoices.find((invoice) => invoice.attributes.reference === reference)!.id
        expect(await invokeInPage(page, 'pdfs.open', { accountId, remoteId })).toMatchObject({ ok: true, value: { source: 'provider' } })
      }
      // Their text is read in the background (pdf.js loads on first use): wait until both are checked.
      await expect
        .poll(
          async () => {
            const checks = []
            for (const reference of ['QWORD1', 'QSCALE1']) {
              const detail = await invokeInPage(page, 'invoices.get', {
                accountId,
                remoteId: simulator.invoices.find((invoice) => invoice.attributes.reference === reference)!.id
              })
              checks.push(detail.ok ? detail.value.pdfCheck?.outcome : detail.error.message)
            }
            return checks
          },
          { timeout: 60_000 }
        )
        .toEqual(['match', 'mismatch'])
      await page.reload()
      await showInvoices(page)

      // The word is printed only in QWORD1's PDF; the row says the match was there.
      const search = page.getByRole('searchbox', { name: 'Search invoices' })
      const grid = page.getByRole('grid', { name: 'Invoices' })
      await expect(async () => {
        await search.fill('')
        await search.fill(PDF_ONLY_WORD.toLowerCase())
        await expect(grid).toHaveAttribute('aria-rowcount', '1', { timeout: 1_000 })
      }).toPass({ timeout: 15_000 })
      await expect(grid.getByRole('row').nth(1)).toContainText('QWORD1')
      await expect(grid.getByRole('row').nth(1)).toContainText('in PDF')
      await page.screenshot({ path: join('test-results', 'documents-pdf-search.png') })

      // The ×100 PDF: a warning on the invoice naming both figures, and a count on the account.
      await search.fill('QSCALE1')
      await expect(grid).toHaveAttribute('aria-rowcount', '1')
      await expect(grid.getByRole('row').nth(1)).toContainText('QSCALE1')
      await grid.getByRole('row').nth(1).click()
      const pane = page.getByRole('complementary', { name: 'Invoice details' })
      await expect(pane.getByRole('heading', { level: 2 })).toHaveText('QSCALE1')
      await page.screenshot({ path: join('test-results', 'documents-pdf-mismatch.png') })
      const warning = pane.getByRole('status', { name: 'PDF does not match the data' })
      await expect(warning).toContainText('The PDF does not match the synced data.')
      await expect(warning).toContainText(`PDF shows ${hundredfold(synced.total!)}; Quire has`)
      await page.screenshot({ path: join('test-results', 'documents-pdf-mismatch.png') })
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Accounts' }).click()
      await expect(page.getByText(/1 invoice whose provider PDF prints another number or total/)).toBeVisible()

      // Duplicates: the twin is listed with its reason; "Not duplicates" is remembered.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Duplicates' }).click()
      const groups = page.getByRole('list', { name: 'Groups of likely duplicates' })
      await expect(groups.getByRole('listitem')).toHaveCount(1)
      await expect(groups).toContainText('Same number')
      await expect(groups.getByRole('row').filter({ hasText: 'QTWIN1' })).toHaveCount(2)
      await page.screenshot({ path: join('test-results', 'documents-duplicates.png') })
      await groups.getByRole('button', { name: 'Not duplicates' }).click()
      await expect(page.getByText('No likely duplicates.')).toBeVisible()
      await expect(page.getByText('1 group marked “not duplicates” is not shown.')).toBeVisible()

      // The bundle: progress while it packs, then where it went.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Invoices' }).click()
      await page.getByRole('searchbox', { name: 'Search invoices' }).fill('')
      await expect(page.getByRole('grid', { name: 'Invoices' })).not.toHaveAttribute('aria-rowcount', '1')
      await page.getByRole('button', { name: 'Export PDFs (ZIP)…' }).click()
      await expect(page.getByRole('progressbar', { name: 'PDF export progress' })).toBeVisible()
      await page.screenshot({ path: join('test-results', 'documents-zip-progress.png') })
      const done = page
        .getByRole('status')
        .filter({ hasText: /^Exported [\d,]+ PDFs \([\d,]+ from the provider, [\d,]+ generated by Quire\) to / })
      await expect(done).toBeVisible({ timeout: 180_000 })
      const files = readdirSync(exportsDir)
      expect(files).toHaveLength(1)
      expect(files[0]).toMatch(/^quire-pdfs-\d{8}-\d{4}\.zip$/)
      expect(existsSync(join(exportsDir, `${files[0]}.partial`))).toBe(false)
    } finally {
      await invokeInPage(page, 'accounts.remove', { accountId })
    }
  })
})

/** "12.5" → "1,250.00": the total ×100 with thousands grouped, as a PDF prints it. */
function hundredfold(total: string): string {
  const [whole, fraction] = fromScaled(toScaled(total) * 100n).split('.')
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`
}
