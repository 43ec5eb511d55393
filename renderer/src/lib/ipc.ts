import type { ErrorCode, EventName, EventPayload, MethodInput, MethodName, MethodOutput, QuireBridge } from '../../../preload/contract'

declare global {
  interface Window {
    quire: QuireBridge
  }
}

/** A failure reported by main, with the contract's error code. */
export class IpcError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'IpcError'
  }
}

/** Dispatched on window when main refuses a call because the app is locked. */
export const LOCKED_EVENT = 'quire:locked'

/** Calls main and unwraps the result envelope; a failure becomes an IpcError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await window.quire.invoke(method, input)
  if (!result.ok) {
    // Should the lock event ever be missed, the first refused call brings the lock screen up.
    if (result.error.code === 'LOCKED') window.dispatchEvent(new Event(LOCKED_EVENT))
    throw new IpcError(result.error.code, result.error.message)
  }
  return result.value
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.quire.on(event, listener)
}
