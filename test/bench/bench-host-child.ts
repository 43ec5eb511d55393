/**
 * The bench host (bench-host.ts) in a process of its own, so its resident memory is the host's
 * alone: not the bench's, which holds Playwright and whatever the other parts left behind.
 * argv: dataDir rendererDir. Prints `{ url }` as one JSON line when ready; stops on SIGTERM.
 */
import { startBenchHost } from './bench-host'

const [dataDir = '', rendererDir = ''] = process.argv.slice(2)
const host = await startBenchHost(dataDir, rendererDir)
process.stdout.write(`${JSON.stringify({ url: host.url })}\n`)
process.once('SIGTERM', () => {
  void host.close().finally(() => process.exit(0))
})
