/**
 * Switches that only development may use. `ELECTRON_RENDERER_URL` (electron-vite's dev server)
 * would load any page with the preload bridge and make it trusted for IPC; remote-debugging and
 * inspect switches would let another program drive the app and read its memory. An installed
 * app trusts none of them: it ignores the first and refuses to start with the others.
 * Electron-free, so the decision is tested without Electron; the Electron seam passes the facts.
 */

export interface LaunchFacts {
  isPackaged: boolean
  env: NodeJS.ProcessEnv
  /** Chromium and Node switches as given on the command line. */
  argv: readonly string[]
}

/** Chromium's and Node's debugging switches (the fuses cover NODE_OPTIONS and --inspect for Node; these cover Chromium too). */
const DEBUG_SWITCHES = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--inspect-publish-uid',
  '--debug',
  '--debug-brk',
  '--js-flags'
]

/** The dev server to load instead of the built renderer, in a development run only. */
export function devServerUrl(facts: Pick<LaunchFacts, 'isPackaged' | 'env'>): string | null {
  if (facts.isPackaged) return null
  return facts.env.ELECTRON_RENDERER_URL || null
}

/** The debugging switches a packaged app was started with; it must not start when there are any. */
export function refusedSwitches(facts: Pick<LaunchFacts, 'isPackaged' | 'argv'>): string[] {
  if (!facts.isPackaged) return []
  return facts.argv.filter((arg) => DEBUG_SWITCHES.some((name) => arg === name || arg.startsWith(`${name}=`)))
}
