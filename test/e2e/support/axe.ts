import type { Page } from '@playwright/test'

/**
 * axe-core's serious and critical findings on the page as it is now. axe is injected as a
 * script tag, which the app's CSP (script-src 'self') rightly refuses: specs that call this use
 * `test.use({ bypassCSP: true })`.
 */
export async function seriousViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> }
      }
    ).axe
    const { violations } = await axe.run()
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  })
}
