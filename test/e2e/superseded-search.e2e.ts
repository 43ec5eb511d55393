import { join } from 'node:path'
import { expect, test, type Route } from '@playwright/test'
import { buildLargeCache, fixtureInvoice } from '../helpers/large-cache'
import { tempDir } from '../helpers/temp-dir'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'

/**
 * A person types on while an earlier search is still being answered: the answer to what they
 * typed first ("s") arrives after the one to what they typed last ("stark") and must never
 * replace it on screen.
 */
const COUNT = 2_000

test.describe('a superseded search', () => {
  let dir: ReturnType<typeof tempDir>
  let host: RunningHost | null = null
  const stark = Array.from({ length: COUNT }, (_, i) => fixtureInvoice(i + 1)).filter(
    (f) => !f.removed && f.counterparty === 'Stark Logistics'
  )

  test.beforeEach(async () => {
    dir = tempDir('quire-superseded-')
    buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT).close()
    host = await startHost(dir.path)
  })

  test.afterEach(async () => {
    await host?.stop()
    dir.remove()
  })

  test('an answer arriving after a newer search’s is ignored, never shown', async ({ page }) => {
    await page.goto(host!.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid).toHaveAttribute('aria-rowcount', /\d+/)

    // Hold back the first window of the search for "s" until the one for "stark" is on screen.
    let held: Route | null = null
    let sawHeld: () => void = () => {}
    const heldSeen = new Promise<void>((resolve) => (sawHeld = resolve))
    await page.route('**/rpc', async (route) => {
      const body = route.request().postDataJSON() as { method: string; input: { search?: string } }
      if (held === null && body.method === 'invoices.list' && body.input.search === 's') {
        held = route
        sawHeld()
        return
      }
      await route.continue()
    })

    const search = page.getByRole('searchbox', { name: 'Search invoices' })
    await search.fill('s')
    await heldSeen
    await search.fill('stark')
    await expect(grid).toHaveAttribute('aria-rowcount', String(stark.length))
    await expect(grid.getByRole('row').filter({ hasText: 'Stark Logistics' }).first()).toBeVisible()

    const late = page.waitForResponse((response) => {
      const body = response.request().postDataJSON() as { method: string; input: { search?: string } } | null
      return response.url().endsWith('/rpc') && body?.method === 'invoices.list' && body.input.search === 's'
    })
    await held!.continue()
    await late
    // Let the page handle the late answer (a frame is after its promise callbacks have run).
    await page.evaluate(() => {
      const page = globalThis as unknown as { requestAnimationFrame(callback: () => void): void }
      return new Promise<void>((resolve) => page.requestAnimationFrame(() => page.requestAnimationFrame(resolve)))
    })

    await expect(grid).toHaveAttribute('aria-rowcount', String(stark.length))
    const rows = await grid.locator('[role="row"][aria-rowindex]').filter({ hasText: 'INV-' }).allInnerTexts()
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.filter((text) => !text.includes('Stark Logistics'))).toEqual([])
  })
})
