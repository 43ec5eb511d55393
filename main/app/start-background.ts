import type { Core } from './create-core'

/**
 * What a long-running host (the desktop app, the test host) starts beside the core: the demo's
 * simulators, the app lock's idle timer and background sync. A CLI run builds the same core
 * without them and brings up only the demo's simulators, for the commands that reach providers.
 */
export async function startBackgroundWork(core: Core): Promise<void> {
  await core.demo.resume()
  core.lock.start()
  core.scheduler.start()
}
