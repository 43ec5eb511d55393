import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      // Some unit tests load a JSON schema validator or fuzz every contract method: seconds, not
      // milliseconds, on a busy 2-core machine. Timings are the bench's business, not a test's.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One keychain, one D-Bus session: files run one at a time to keep it simple to reason about.
          fileParallelism: false
        }
      }
    ]
  }
})
