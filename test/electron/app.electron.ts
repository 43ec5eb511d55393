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

const binary = electronBinary()
if ('missing' in binary) console.log(`Electron specs skipped: ${binary.missing}.`)

test.describe('the Electron app', () => {
  test.skip('missing' in binary, 'missing' in binary ? `${binary.missing}. These specs run wherever Electron can be downloaded.` : '')

  test('opens a locked-down window and runs the demo workspace', async () => {
    const dir = tempDir('quire-electron-')
    const app = await electron.launch({ args: ['out/main/index.js'], env: { ...process.env, QUIRE_DATA_DIR: dir.path } })
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
      await expect(window.getByRole('status').filter({ hasText: /Synced 2,400 invoices/ })).toBeVisible({ timeout: 60_000 })
    } finally {
      await app.close()
      dir.remove()
    }
  })
})
