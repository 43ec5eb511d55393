import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { tempDir } from '../../helpers/temp-dir'
import { startHost } from './host'
import { showInvoices } from './navigate'

export interface DemoWorkspace {
  url: string
  /** The invoice grid at `size`, opened afresh and drawn with no filter (see `startDemoWorkspace`). */
  invoicesAt(page: Page, size: { width: number; height: number }): Promise<Locator>
  stop(): Promise<void>
}

/**
 * From the welcome screen, starts the demo workspace and waits for its first sync's banner: four
 * simulators synced through the real connectors, which can take most of a minute on a busy machine.
 */
export async function tryDemoWorkspace(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Try the demo workspace' }).click()
  const banner = page.getByRole('status').filter({ hasText: /^Synced 4 accounts: [\d,]+ invoice records received\./ })
  await expect(banner).toBeVisible({ timeout: 90_000 })
  return banner
}

/**
 * A host on a fresh data dir with the demo workspace synced, for a whole spec file (from
 * `beforeAll`, whose timeout must allow for the sync). The list reopens the last view at launch,
 * so tests sharing it start from no filter and must leave none behind.
 */
export async function startDemoWorkspace(browser: Browser, dirPrefix: string): Promise<DemoWorkspace> {
  const dir = tempDir(dirPrefix)
  const host = await startHost(dir.path)
  const stop = async () => {
    await host.stop()
    dir.remove()
  }
  try {
    const page = await browser.newPage()
    await page.goto(host.url)
    await tryDemoWorkspace(page)
    await page.close()
  } catch (error) {
    await stop()
    throw error
  }
  return {
    url: host.url,
    async invoicesAt(page, size) {
      await page.setViewportSize(size)
      await page.goto(host.url)
      await showInvoices(page)
      await expect(page.locator('.match-count')).toHaveText(/^[\d,]+ invoices$/)
      const grid = page.getByRole('grid', { name: 'Invoices' })
      await expect(gridRow(grid, 1)).toContainText(/\d/)
      return grid
    },
    stop
  }
}

/** The grid's data row at `index` (1 is the first), by its aria-rowindex: rendered rows are only those in view. */
export function gridRow(grid: Locator, index: number): Locator {
  return grid.locator(`[role="row"][aria-rowindex="${index}"]`)
}
