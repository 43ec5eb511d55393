import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { _electron as electron, expect, test } from '@playwright/test'
import { tempDir } from '../helpers/temp-dir'

/** The Electron binary's path, or why there is none (npm installs here skip its download). */
function electronBinary(): { path: string } | { missing: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown
    if (typeof path === 'string' && existsSync(path)) return { path }
    return { missing: `the Electron binary is not installed (expected at ${String(path)})` }
  } catch (error) {
    return { missing: `the Electron binary is not installed: ${(error as Error).message.split('\n')[0]}` }
  }
}

/** What `npm run dist` left for this platform, unpacked: the packaged app itself, fuses and all. */
function packagedApp(): string | null {
  const candidates = {
    linux: ['dist/linux-unpacked/quire'],
    darwin: ['dist/mac/Quire.app/Contents/MacOS/Quire', 'dist/mac-arm64/Quire.app/Contents/MacOS/Quire'],
    win32: ['dist/win-unpacked/Quire.exe']
  } as Partial<Record<NodeJS.Platform, string[]>>
  return (candidates[process.platform] ?? []).find((path) => existsSync(path)) ?? null
}

/** The packaged app when there is one, else the built app under the Electron binary. */
const packaged = packagedApp()
const binary = packaged ? { path: packaged } : electronBinary()
const launchOptions = packaged ? { executablePath: packaged, args: [] } : { args: ['out/main/index.js'] }
if ('missing' in binary) console.log(`Electron specs skipped: ${binary.missing}.`)
else console.log(`Electron specs run ${packaged ? `the packaged app at ${packaged}` : 'out/main under the Electron binary'}.`)

test.describe('the Electron app', () => {
  test.skip('missing' in binary, 'missing' in binary ? `${binary.missing}. These specs run wherever Electron can be downloaded.` : '')

  test('opens a locked-down window, runs the demo workspace and opens an invoice PDF', async () => {
    const dir = tempDir('quire-electron-')
    const app = await electron.launch({ ...launchOptions, env: { ...process.env, QUIRE_DATA_DIR: dir.path } })
    try {
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { name: 'Welcome to Quire' })).toBeVisible()
      const exposed = await window.evaluate(() => ({
        quire: Object.keys((globalThis as unknown as { quire: object }).quire).sort(),
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process
      }))
      expect(exposed).toEqual({ quire: ['invoke', 'on'], require: 'undefined', process: 'undefined' })
      await window.getByRole('button', { name: 'Try the demo workspace' }).click()
      await expect(window.getByRole('status').filter({ hasText: /Synced 4 accounts: [\d,]+ invoice records received/ })).toBeVisible({
        timeout: 60_000
      })

      const row = window.getByRole('grid', { name: 'Invoices' }).getByRole('row').nth(1)
      await row.click()
      const pane = window.getByRole('complementary', { name: 'Invoice details' })
      const number = (await pane.getByRole('heading', { level: 2 }).textContent())!
      await pane.getByRole('button', { name: 'Open PDF' }).click()
      const viewer = window.getByRole('dialog', { name: `Invoice ${number}` })
      const firstPage = viewer.getByRole('group', { name: 'Page 1' })
      await expect(firstPage.locator('canvas')).toBeVisible()
      await expect(firstPage.locator('.textLayer')).toContainText(number)
      // Unlike the test host, the desktop app hands the cached file to the system viewer.
      await expect(viewer.getByRole('button', { name: 'Open in system viewer' })).toBeEnabled()
    } finally {
      await app.close()
      dir.remove()
    }
  })
})
