import { createCore, type Core } from '../../main/app/create-core'
import { startTestHost } from '../../main/host/test-host'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { MemorySecrets } from '../helpers/memory-secrets'

export interface BenchHost {
  url: string
  core: Core
  close(): Promise<void>
}

/**
 * A core on `dataDir` and the test host serving the built renderer over it, in this process.
 * No scheduler: a background sync would compete with what is being measured.
 */
export async function startBenchHost(dataDir: string, rendererDir: string): Promise<BenchHost> {
  const core = await createCore({ dataDir, secrets: new MemorySecrets() })
  const host = await startTestHost({ dispatch: createDispatch(createHandlers(core, 'bench')), events: core.events, rendererDir })
  return {
    url: host.url,
    core,
    close: async () => {
      await host.close()
      await core.close()
    }
  }
}
