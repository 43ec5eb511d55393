import type { Core } from './create-core'

/**
 * What a long-running host (the desktop app, the test host) starts beside the core: the cache's
 * integrity check, the money columns word searches are totalled from, the demo's simulators, the app lock's idle timer and background sync. A CLI
 * run builds the same core without them and brings up only the demo's simulators, for the
 * commands that reach providers. The check reads every page of the cache, and a CLI command
 * would only wait for it at exit and drop its answer.
 */
export async function startBackgroundWork(core: Core): Promise<void> {
  core.health.start()
  core.moneyColumns.start()
  await core.demo.resume()
  core.lock.start()
  core.scheduler.start()
}
