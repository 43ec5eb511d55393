/**
 * A syncing process for the kill -9 test: opens the cache, says "ready", syncs everything.
 * Its clock skips waits, so a rate budget does not make the test slow.
 */
import { createCore } from '../../../main/app/create-core'
import { KeytarSecretStore } from '../../../main/secrets/keytar-store'
import { fakeClock } from '../../helpers/fake-clock'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: sync-child DATA_DIR')
const core = await createCore({ dataDir, secrets: new KeytarSecretStore(), clock: fakeClock(new Date()) })
process.stdout.write('ready\n')
const outcomes = await core.sync.run()
await core.close()
process.stdout.write(`${JSON.stringify(outcomes)}\n`)
