import type {
  ErrorCode,
  EventName,
  EventPayload,
  MethodInput,
  MethodName,
  MethodOutput,
  QuireBridge
} from '../../../preload/contract'

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

/** Calls main and unwraps the result envelope; a failure becomes an IpcError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await window.quire.invoke(method, input)
  if (!result.ok) throw new IpcError(result.error.code, result.error.message)
  return result.value
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.quire.on(event, listener)
}
