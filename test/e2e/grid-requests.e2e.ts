import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { buildLargeCache } from '../helpers/large-cache'
import { tempDir } from '../helpers/temp-dir'
import { showInvoices } from './support/navigate'
import { startHost, type RunningHost } from './support/host'

/**
 * What the screens ask main for, which answers one call at a time: a question asked twice, or
 * rows asked for a view already gone, hold up the next screen's answers (issue #15).
 */
const COUNT = 20_000

test.describe('what the grid and the first screen ask main for', () => {
  let dir: ReturnType<typeof tempDir>
  let host: RunningHost

  test.beforeAll(async () => {
    dir = tempDir('quire-grid-requests-')
    buildLargeCache(join(dir.path, 'quire.sqlite3'), COUNT).close()
    host = await startHost(dir.path)
  })

  test.afterAll(async () => {
    await host?.stop()
    dir?.remove()
  })

  test('at launch the Overview asks for its figures once, not again when the accounts arrive', async ({ page }) => {
    const calls = recordCalls(page)
    await page.goto(host.url)
    await expect(page.getByRole('heading', { name: 'AUD', level: 2 })).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect(calls.filter((method) => method === 'reports.overview')).toHaveLength(1)
  })

  test('a fling through the list asks for rows where it stops, not for every screen it passes', async ({ page }) => {
    await page.goto(host.url)
    await showInvoices(page)
    const grid = page.getByRole('grid', { name: 'Invoices' })
    await expect(grid.locator('[role="row"][data-index="0"] [role="gridcell"][data-column]').first()).toBeVisible()
    await page.waitForLoadState('networkidle')
    const calls = recordCalls(page)

    // Down to about the middle of the list, a few hundred rows a frame.
    await grid.evaluate(
      (element, frames) =>
        new Promise<void>((resolve) => {
          const { requestAnimationFrame } = globalThis as unknown as { requestAnimationFrame(callback: () => void): number }
          const step = (element.scrollHeight - element.clientHeight) / 2 / frames
          let frame = 0
          const next = () => {
            element.scrollTop = Math.round(step * ++frame)
            if (frame < frames) requestAnimationFrame(next)
            else resolve()
          }
          requestAnimationFrame(next)
        }),
      60
    )

    // The rows where it stopped come in, and the rows passed on the way were never asked for.
    // The virtualizer draws the rows for the new position a frame or more after the last scroll.
    const firstRowInView = () =>
      grid.evaluate((element) => {
        const head = element.querySelector('[role="rowgroup"]')!.getBoundingClientRect().bottom
        const row = [...element.querySelectorAll('[role="row"][data-index]')].find(
          (candidate) => candidate.getBoundingClientRect().top >= head
        )
        return row ? Number(row.getAttribute('data-index')) : null
      })
    await expect.poll(firstRowInView).toBeGreaterThan(COUNT / 3)
    const rowInView = (await firstRowInView())!
    await expect(grid.locator(`[role="row"][data-index="${rowInView}"] [role="gridcell"][data-column]`).first()).toBeVisible()
    // One or two blocks, with room for a frame a busy machine held up so long it looked like a
    // stop; asked for every 40 ms while the view moved, it was twenty.
    expect(calls.filter((method) => method === 'invoices.list').length).toBeLessThanOrEqual(4)
  })
})

/** The contract methods the page calls from now on, in order. */
function recordCalls(page: Page): string[] {
  const methods: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc')) methods.push((JSON.parse(request.postData() ?? '{}') as { method: string }).method)
  })
  return methods
}
