/**
 * Time to first page in the in-app PDF viewer for a cached PDF: from the click on "Open PDF" to
 * the first page drawn (canvas and text layer) and painted, in Chromium through the test host.
 * Two documents: a Yeti-Switch invoice's own PDF, downloaded once from the simulator, which is
 * then stopped so every timed open is served from the cache; and the PDF Quire generates for an
 * invoice without one, rendered once and kept.
 */
import { showInvoices } from '../e2e/support/navigate'
import type { Page } from '@playwright/test'
import { InvoiceQuery } from '../../preload/contract'
import { startYetiSimulator } from '../../main/simulators/yeti/server'
import { tempDir } from '../helpers/temp-dir'
import { startBenchHost } from './bench-host'
import { launchChromium, newBenchPage } from './chromium'
import { armPdfOpenTiming, PDF_FIRST_PAGE, pdfOpenTimes, type PdfOpenTimes } from './page-probes'
import { percentiles } from './stats'

const PASSWORD = 'yeti-bench-pw'
const PROVIDER_PDF = 'QBENCHPROV'
const GENERATED_PDF = 'QBENCHGEN'

export interface PdfOpenFigures {
  source: 'provider' | 'generated'
  bytes: number
  opens: number
  /** Click to first page painted. */
  firstPageMs: { p50: number; p95: number; p99: number }
  /** Click to first page drawn (before the frame that shows it). */
  drawnMs: { p50: number; p95: number; p99: number }
}

export async function measurePdfFirstPage(rendererDir: string, opens: number): Promise<PdfOpenFigures[]> {
  const dir = tempDir('quire-bench-')
  const yeti = await startYetiSimulator({ invoices: 20, seed: 9, users: { ops: { password: PASSWORD } } })
  let yetiRunning = true
  try {
    // Numbers nothing else contains, to find the two invoices by search.
    const [withPdf, withoutPdf] = yeti.invoices.filter((invoice) => invoice.state === 'approved')
    Object.assign(withPdf!.attributes, { reference: PROVIDER_PDF, 'has-pdf': true })
    Object.assign(withoutPdf!.attributes, { reference: GENERATED_PDF, 'has-pdf': false })
    const host = await startBenchHost(dir.path, rendererDir)
    const browser = await launchChromium()
    try {
      const account = await host.core.accounts.add({
        provider: 'yeti',
        name: 'Ops',
        baseUrl: yeti.baseUrl,
        options: { login: 'ops' },
        secret: PASSWORD
      })
      const [synced] = await host.core.sync.run()
      if (!synced?.ok) throw new Error(`bench: the Yeti sync failed: ${synced?.error?.message}`)
      const page = await newBenchPage(browser)
      await page.goto(host.url)
      await showInvoices(page)
      const figures: PdfOpenFigures[] = []
      for (const number of [PROVIDER_PDF, GENERATED_PDF]) {
        await selectInvoice(page, number)
        await openAndClose(page)
        // Once its PDF is cached the provider goes away, so every timed open is served from the cache.
        if (yetiRunning) {
          await yeti.close()
          yetiRunning = false
        }
        const times: PdfOpenTimes[] = []
        for (let open = 0; open < opens; open += 1) times.push(await openAndClose(page))
        const remoteId = host.core.invoices.list(InvoiceQuery.parse({ offset: 0, limit: 1, search: number })).items[0]!.remoteId
        const opened = await host.core.pdfs.open({ accountId: account.id, remoteId })
        figures.push({
          source: opened.source,
          bytes: opened.size,
          opens,
          firstPageMs: percentiles(times.map((t) => t.paintedMs)),
          drawnMs: percentiles(times.map((t) => t.renderedMs))
        })
      }
      return figures
    } finally {
      await browser.close()
      await host.close()
    }
  } finally {
    if (yetiRunning) await yeti.close()
    dir.remove()
  }
}

async function selectInvoice(page: Page, number: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search invoices' }).fill(number)
  await page.locator('[role="grid"][aria-rowcount="1"]').waitFor()
  await page.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1).filter({ hasText: number }).click()
  await page.getByRole('complementary', { name: 'Invoice details' }).getByRole('heading', { level: 2, name: number }).waitFor()
}

/** One open of the selected invoice's PDF, timed in the page, then the viewer closed again. */
async function openAndClose(page: Page): Promise<PdfOpenTimes> {
  await page.evaluate(armPdfOpenTiming, PDF_FIRST_PAGE)
  await page.getByRole('complementary', { name: 'Invoice details' }).getByRole('button', { name: 'Open PDF' }).click()
  await page.locator(PDF_FIRST_PAGE).waitFor({ timeout: 30_000 })
  const times = (await page.evaluate(pdfOpenTimes))!
  const viewer = page.getByRole('dialog')
  await viewer.getByRole('button', { name: 'Close' }).click()
  await viewer.waitFor({ state: 'detached' })
  return times
}
