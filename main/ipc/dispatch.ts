/**
 * Transport-independent IPC entry: Electron's ipcMain and the test host's HTTP bridge both hand
 * every call to `dispatch`. Nothing from the caller is trusted: the method must be a contract
 * method, the input must parse, and the output is parsed too, so no field the contract does not
 * name can leave main.
 */
import { methods, type Result } from '../../preload/contract'
import { toErrorPayload } from '../base/errors'
import type { Handlers } from './handlers'

export type Dispatch = (method: unknown, input: unknown) => Promise<Result<unknown>>

export function createDispatch(handlers: Handlers, log: (message: string, error: unknown) => void = console.error): Dispatch {
  return async (method, input) => {
    if (typeof method !== 'string' || !Object.hasOwn(methods, method)) {
      // Never stringify what the caller sent: an object can make String() throw.
      const named = typeof method === 'string' ? method.slice(0, 80) : `a ${method === null ? 'null' : typeof method}`
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method: ${named}` } }
    }
    const name = method as keyof typeof methods
    const parsed = safeParse(name, input)
    if (!parsed.success) {
      const detail = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || 'input'}: ${issue.message}`).join('; ')
      return { ok: false, error: { code: 'VALIDATION', message: detail } }
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>
      const value = methods[name].output.parse(await handler(parsed.data))
      return { ok: true, value }
    } catch (error) {
      const payload = toErrorPayload(error)
      if (payload.code === 'INTERNAL') log(`IPC ${name} failed`, error)
      return { ok: false, error: payload }
    }
  }
}

/** A schema must never throw on hostile input; if one ever does, that is still a rejection. */
function safeParse(
  name: keyof typeof methods,
  input: unknown
): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } {
  try {
    return methods[name].input.safeParse(input)
  } catch {
    return { success: false, error: { issues: [{ path: [], message: 'input could not be read' }] } }
  }
}
