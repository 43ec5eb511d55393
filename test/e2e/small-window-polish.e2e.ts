import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { contrast, pixelsAt } from './support/pixels'
import { gridRow, startDemoWorkspace, type DemoWorkspace } from './support/demo-workspace'

/**
 * Issue 19 follow-ups found by using the demo workspace in a 1024×640 window: the filters on one
 * line, the top bar out from under the drawer, a focus ring the pinned cells do not break, and
 * "all matching" added up by the footer's rule. At 1024×640 and 1440×900.
 */
const NARROW = { width: 1024, height: 640 }
const WIDE = { width: 1440, height: 900 }

test.describe('small-window polish', () => {
  let demo: DemoWorkspace

  // One demo workspace for the whole file: its sync through four simulators is the slow part.
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000)
    demo = await startDemoWorkspace(browser, 'quire-e2e-polish-')
  })

  test.afterAll(() => demo.stop())

  test('at 1024×640 the filters keep to one line: Removed waits under More filters, whose button counts it when set', async ({ page }) => {
    await demo.invoicesAt(page, NARROW)
    const filters = page.getByRole('search', { name: 'Filter invoices' })
    const more = filters.getByRole('button', { name: /^More filters/ })
    await expect(more).toHaveText('More filters')
    await expect(filters.getByLabel('Removed', { exact: true })).toHaveCount(0)
    await expectOneLine(filters)

    await more.click()
    await filters.getByLabel('Removed', { exact: true }).selectOption({ label: 'Only removed' })
    await more.click()
    await expect(filters.getByLabel('Removed', { exact: true })).toHaveCount(0)
    // Set and out of sight, the filter is still named: on the button, which Clear filters joins on the line.
    await expect(more).toHaveText('More filters (1)')
    const clear = filters.getByRole('button', { name: 'Clear filters' })
    await expect(clear).toBeVisible()
    await expectOneLine(filters)
    await page.screenshot({ path: join('test-results', 'small-window-polish-filters-1024.png') })

    await clear.click()
    await expect(more).toHaveText('More filters')
  })

  test('at 1440×900 Removed stays on the filter line, one line even with Clear filters', async ({ page }) => {
    await demo.invoicesAt(page, WIDE)
    const filters = page.getByRole('search', { name: 'Filter invoices' })
    const removed = filters.getByLabel('Removed', { exact: true })
    await expect(removed).toBeVisible()
    await removed.selectOption({ label: 'Only removed' })
    await expect(filters.getByRole('button', { name: /^More filters/ })).toHaveText('More filters')
    await expect(filters.getByRole('button', { name: 'Clear filters' })).toBeVisible()
    await expectOneLine(filters)
    await filters.getByRole('button', { name: 'Clear filters' }).click()
    await expect(removed).toHaveValue('hide')
  })

  test('below 1280 px the drawer opens under the top bar: Hide amounts and Sync now stay in reach while it is open', async ({ page }) => {
    const grid = await demo.invoicesAt(page, NARROW)
    await gridRow(grid, 1).click()
    const drawer = page.getByRole('dialog', { name: 'Invoice details' })
    const total = drawer.locator('.amount-total dd')
    await expect(total).toHaveText(/\d/)
    const bar = (await page.getByRole('banner').boundingBox())!
    expect((await drawer.boundingBox())!.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1)
    const hide = page.getByRole('button', { name: 'Hide amounts' })
    expect(await onTop(hide)).toBe(true)
    expect(await onTop(page.getByRole('button', { name: 'Sync now' }))).toBe(true)
    await page.screenshot({ path: join('test-results', 'small-window-polish-drawer-1024.png') })

    // Someone walks up: one click hides the drawer's amounts too, and the drawer stays open.
    const shown = (await total.textContent())!
    await hide.click()
    await expect(hide).toHaveAttribute('aria-pressed', 'true')
    await expect(total).not.toHaveText(shown)
    await expect(total).not.toHaveText(/\d/)
    await expect(drawer).toBeVisible()
    await hide.click()
    await expect(total).toHaveText(shown)
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the focused row's ring runs unbroken round the whole row, pinned cells too, at 3:1 or more (${colorScheme})`, async ({
      page
    }) => {
      await page.emulateMedia({ colorScheme })
      for (const size of [NARROW, WIDE]) {
        const grid = await demo.invoicesAt(page, size)
        await gridRow(grid, 2).click()
        await expect(page.getByRole(size === NARROW ? 'dialog' : 'complementary', { name: 'Invoice details' })).toBeVisible()
        await page.keyboard.press('Escape')
        await expect(page.getByRole(size === NARROW ? 'dialog' : 'complementary', { name: 'Invoice details' })).toHaveCount(0)
        await expect(gridRow(grid, 2)).toBeFocused()
        await page.mouse.move(0, 0)
        await expectUnbrokenRing(page, gridRow(grid, 2), `${colorScheme} at ${size.width}, after Esc`)
        await page.screenshot({ path: join('test-results', `small-window-polish-ring-${colorScheme}-${size.width}.png`) })

        // Scrolled sideways the row's own ends are out of view: the pinned cells at the edges draw them.
        await grid.evaluate((element) => element.scrollBy({ left: 80 }))
        expect(await grid.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0)
        await page.keyboard.press('j')
        await expect(gridRow(grid, 3)).toBeFocused()
        await expectUnbrokenRing(page, gridRow(grid, 3), `${colorScheme} at ${size.width}, scrolled sideways, after j`)
      }
    })
  }

  test('all matching selected (Ctrl/⌘+Shift+A) adds up as the footer does: duplicates and won’t-claim left out unless counted', async ({
    page
  }) => {
    const grid = await demo.invoicesAt(page, WIDE)
    const footer = page.getByRole('region', { name: 'All invoices totals' })
    const selected = page.getByRole('region', { name: /^Selected \(all [\d,]+ matching\) totals$/ })
    const lines = (region: Locator) => region.locator('.totals-currency').allTextContents()
    await expect(footer.locator('.totals-currency')).toHaveCount(7)
    const leftOut = await lines(footer)

    await gridRow(grid, 1).focus()
    await page.keyboard.press('ControlOrMeta+Shift+A')
    await expect(selected.locator('.totals-currency')).toHaveCount(7)
    await expect.poll(() => lines(selected)).toEqual(leftOut)

    const count = page.getByRole('checkbox', { name: /^Count \d+ duplicate or won’t-claim invoices/ })
    await count.check()
    await expect.poll(() => lines(footer)).not.toEqual(leftOut)
    const counted = await lines(footer)
    await expect.poll(() => lines(selected)).toEqual(counted)

    await count.uncheck()
    await page.getByRole('button', { name: 'Clear selection' }).click()
    await expect(selected).toHaveCount(0)
  })

  test('the open invoice’s row keeps its mark at the left edge, over the pinned selection cell, in both themes', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const grid = await demo.invoicesAt(page, NARROW)
      await gridRow(grid, 1).click()
      await expect(page.getByRole('dialog', { name: 'Invoice details' })).toBeVisible()
      await expect(gridRow(grid, 1)).toHaveAttribute('aria-current', 'true')
      await page.mouse.move(0, 0)
      const box = (await gridRow(grid, 1).boundingBox())!
      const y = box.y + box.height / 2
      const [mark, inside] = await pixelsAt(page, [
        { x: box.x + 1, y },
        { x: box.x + 8, y }
      ])
      expect(contrast(mark!, inside!), colorScheme).toBeGreaterThanOrEqual(3)
    }
  })
})

/** Every control of the filter line shares one line: a wrapped one sits a whole line lower. */
async function expectOneLine(filters: Locator): Promise<void> {
  const middles = await filters.locator('.toolbar > *').evaluateAll((items) =>
    items.map((item) => {
      const box = item.getBoundingClientRect()
      return Math.round(box.top + box.height / 2)
    })
  )
  expect(Math.max(...middles) - Math.min(...middles), `middles ${middles.join(', ')}`).toBeLessThanOrEqual(2)
}

/** Whether a click in the middle of `target` reaches it, not something drawn over it. */
async function onTop(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const box = element.getBoundingClientRect()
    return element.contains(element.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2))
  })
}

/**
 * The focused row's ring is drawn all round the part of the row in view: at the top and bottom
 * of every cell (pinned ones included) and at both ends, each line at 3:1 or more against the
 * cell just inside it.
 */
async function expectUnbrokenRing(page: Page, focused: Locator, what: string): Promise<void> {
  const { top, bottom, left, right, middles } = await focused.evaluate((element) => {
    const grid = element.closest('[role="grid"]')!
    const area = grid.getBoundingClientRect()
    const viewLeft = area.left + grid.clientLeft
    const viewRight = viewLeft + grid.clientWidth
    const box = element.getBoundingClientRect()
    const middles = [...element.querySelectorAll('[role="gridcell"]')]
      .map((cell) => {
        const b = cell.getBoundingClientRect()
        return { left: Math.max(b.left, viewLeft), right: Math.min(b.right, viewRight) }
      })
      .filter((part) => part.right - part.left > 8)
      .map((part) => (part.left + part.right) / 2)
    return {
      top: Math.floor(box.top),
      bottom: Math.floor(box.bottom),
      left: Math.floor(Math.max(box.left, viewLeft)),
      right: Math.floor(Math.min(box.right, viewRight)),
      middles
    }
  })
  const middle = Math.floor((top + bottom) / 2)
  // Ring lines 2 px wide inside the row; the row's 1 px bottom border lies below the ring.
  const pairs = [
    ...middles.flatMap((x) => [
      { name: `top at x=${Math.round(x)}`, line: { x, y: top + 1 }, inside: { x, y: top + 4 } },
      { name: `bottom at x=${Math.round(x)}`, line: { x, y: bottom - 3 }, inside: { x, y: bottom - 6 } }
    ]),
    { name: 'left end', line: { x: left + 1, y: middle }, inside: { x: left + 5, y: middle } },
    { name: 'right end', line: { x: right - 2, y: middle }, inside: { x: right - 6, y: middle } }
  ]
  const colours = await pixelsAt(
    page,
    pairs.flatMap((pair) => [pair.line, pair.inside])
  )
  const weak = pairs
    .map((pair, i) => ({ name: pair.name, ratio: contrast(colours[2 * i]!, colours[2 * i + 1]!) }))
    .filter((pair) => pair.ratio < 3)
    .map((pair) => `${pair.name}: ${pair.ratio.toFixed(2)}`)
  expect(weak, what).toEqual([])
}
