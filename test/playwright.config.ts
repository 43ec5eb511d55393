import { defineConfig } from '@playwright/test'

/**
 * Two projects: `e2e` drives the real renderer in Debian's Chromium through the test host;
 * `electron` drives the packaged-shape app with Playwright's Electron support and skips, saying
 * why, where the Electron binary is absent.
 */
export default defineConfig({
  testDir: '.',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../test-results',
  projects: [
    {
      name: 'e2e',
      testMatch: /e2e\/.*\.e2e\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.QUIRE_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic'
          ]
        },
        viewport: { width: 1400, height: 900 },
        screenshot: 'only-on-failure',
        trace: 'off'
      }
    },
    { name: 'electron', testMatch: /electron\/.*\.electron\.ts$/ }
  ]
})
