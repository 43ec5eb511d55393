import type { Result } from './errors'
import type { EventName, EventPayload } from './events'
import type { MethodInput, MethodName, MethodOutput } from './methods'

/** The only IPC channels. The preload hard-codes them; the renderer never sees a channel name. */
export const INVOKE_CHANNEL = 'quire:invoke'
export const EVENT_CHANNEL = 'quire:event'

/**
 * What the renderer finds on `window.quire`: exposed by the preload in Electron and by the test
 * host's shim in a browser. Both are untyped at runtime; main validates everything.
 */
export interface QuireBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
