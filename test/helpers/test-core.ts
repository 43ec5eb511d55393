import { createCore, type Core, type CoreOptions } from '../../main/app/create-core'
import type { Clock } from '../../main/base/clock'
import type { SecretStore } from '../../main/secrets/secret-store'
import { fakeClock } from './fake-clock'
import { MemorySecrets } from './memory-secrets'
import { tempDir } from './temp-dir'

/** A core opened for a test, with what it was opened on and the way to put it away. */
export interface TestCore {
  /** The open core; `reopen` replaces it. */
  readonly core: Core
  /** The data dir; removed by `close` only when the fixture made it (no `dataDir` given). */
  readonly dir: { path: string; remove(): void }
  readonly secrets: SecretStore
  readonly clock: Clock
  /**
   * Closes the core (if still open) and opens another on the same data dir, secrets and clock,
   * as a restart does; `overrides` change options for the new core only.
   */
  reopen(overrides?: Partial<CoreOptions>): Promise<Core>
  /** Closes the core and removes a data dir the fixture made; safe to call again. */
  close(): Promise<void>
}

/**
 * The core as most tests open it: a fresh temp data dir, in-memory secrets and a fake clock,
 * each replaced by whatever `options` gives (pass `clock: systemClock` for real time). Options
 * that name places inside the fresh data dir come from a function of its path. The core's own
 * `close` becomes safe to call twice, so a test may close it before `reopen` or `close`.
 */
export async function openTestCore(
  optionsOrInDir: Partial<CoreOptions> | ((dataDir: string) => Partial<CoreOptions>) = {}
): Promise<TestCore> {
  let dir: TestCore['dir']
  let options: Partial<CoreOptions>
  if (typeof optionsOrInDir === 'function') {
    dir = tempDir()
    options = optionsOrInDir(dir.path)
  } else {
    options = optionsOrInDir
    dir = options.dataDir === undefined ? tempDir() : { path: options.dataDir, remove: () => {} }
  }
  const resolved = { ...options, dataDir: dir.path, secrets: options.secrets ?? new MemorySecrets(), clock: options.clock ?? fakeClock() }
  let current: Core
  try {
    current = closingOnce(await createCore(resolved))
  } catch (error) {
    dir.remove()
    throw error
  }
  let closed = false
  return {
    get core() {
      return current
    },
    dir,
    secrets: resolved.secrets,
    clock: resolved.clock,
    async reopen(overrides = {}) {
      if (closed) throw new Error('the test core is closed')
      await current.close()
      current = closingOnce(await createCore({ ...resolved, ...overrides, dataDir: dir.path }))
      return current
    },
    async close() {
      if (closed) return
      closed = true
      try {
        await current.close()
      } finally {
        dir.remove()
      }
    }
  }
}

function closingOnce(core: Core): Core {
  const close = core.close
  let closing: Promise<void> | null = null
  core.close = () => (closing ??= close())
  return core
}
