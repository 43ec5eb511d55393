/**
 * One launch, in a process of its own so nothing is warm but the OS's file cache: the core
 * opened on `dataDir` (argv[2]) with the background reads the app starts beside it, then the first
 * window of the default list through the contract, as the app's first screen asks for it. Prints `{ openMs, firstRowsMs }` as one JSON line;
 * firstRowsMs counts from before the open.
 */
import { createCore } from '../../main/app/create-core'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { MemorySecrets } from '../helpers/memory-secrets'
import { FIRST_WINDOW } from './cold-queries'

const dataDir = process.argv[2] ?? ''
const started = performance.now()
const core = await createCore({ dataDir, secrets: new MemorySecrets() })
const opened = performance.now()
// What the app's hosts start right after the open (start-background.ts): both read the whole
// cache on worker threads while the first rows are asked for, and share the machine's cores.
core.health.start()
core.moneyColumns.start()
const first = await createDispatch(createHandlers(core, 'bench'))('invoices.list', { offset: 0, limit: FIRST_WINDOW })
const firstRows = performance.now()
await core.close()
if (!first.ok) {
  process.stderr.write(`launch: ${first.error.message}\n`)
  process.exit(1)
}
process.stdout.write(`${JSON.stringify({ openMs: opened - started, firstRowsMs: firstRows - started })}\n`)
