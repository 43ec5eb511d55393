import { chromium, type Browser, type Page } from '@playwright/test'

/** Debian's Chromium, as the e2e tests launch it (Playwright's own browsers cannot be downloaded here). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run'
    ]
  })
}

/** A page in a fresh context (empty HTTP cache), at the e2e tests' window size. */
export async function newBenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  // The bench runs under tsx, whose esbuild keepNames wraps named inner functions in __name();
  // the functions sent into the page are that compiled code, so the page needs it too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  return context.newPage()
}
