/**
 * npm run --silent host -- --data-dir DIR [--port PORT] [--renderer-dir DIR]
 * Prints one JSON line, {"url": …}, when ready; stops on SIGTERM or SIGINT.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createCore } from '../app/create-core'
import { startBackgroundWork } from '../app/start-background'
import { defaultDataDir } from '../app/default-data-dir'
import { createDispatch } from '../ipc/dispatch'
import { createHandlers } from '../ipc/handlers'
import { KeytarSecretStore } from '../secrets/keytar-store'
import { startTestHost } from './test-host'

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'renderer-dir': { type: 'string', default: 'out/renderer' }
  },
  strict: true
})
const rendererDir = resolve(values['renderer-dir'])
if (!existsSync(join(rendererDir, 'index.html'))) {
  process.stderr.write(`host: no built renderer at ${rendererDir}. Run \`npm run build\` first.\n`)
  process.exit(1)
}
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`host: --port must be a number from 0 to 65535\n`)
  process.exit(2)
}

const core = await createCore({ dataDir: values['data-dir'] ?? defaultDataDir(), secrets: new KeytarSecretStore() }).catch(
  (error: unknown) => {
    process.stderr.write(`host: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
)
const version = process.env.npm_package_version ?? '0.0.0'
await startBackgroundWork(core)
const host = await startTestHost({
  dispatch: createDispatch(createHandlers(core, version), core.log.error),
  events: core.rendererEvents,
  rendererDir,
  port
})
process.stdout.write(`${JSON.stringify({ url: host.url })}\n`)

const stop = (): void => {
  void host
    .close()
    .then(() => core.close())
    .finally(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
