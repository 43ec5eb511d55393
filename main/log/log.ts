/**
 * What the core writes to its log. One line per event, fields as JSON after the message, so a
 * line can be read by people and grepped by scripts. Implementations scrub every line for
 * secrets (scrub-secrets.ts) before it reaches a file.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Log {
  info(message: string, fields?: LogFields): void
  warn(message: string, fields?: LogFields): void
  /** `error` is written with its stack, and its cause's, when it has them. */
  error(message: string, error?: unknown, fields?: LogFields): void
}

/** For code that runs with no log to write to (unit tests of a single piece). */
export const silentLog: Log = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined
}

/** `message {"field":…}`: the fields as JSON, undefined ones left out. */
export function formatLine(message: string, fields: LogFields | undefined, error?: unknown): string {
  const defined = fields ? Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) : {}
  const head = Object.keys(defined).length > 0 ? `${message} ${JSON.stringify(defined)}` : message
  return error === undefined ? head : `${head}\n${describeError(error)}`
}

/** The stack (which starts with the message), following `cause` a few levels down. */
export function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return `thrown: ${safeString(error)}`
  const own = error.stack ?? `${error.name}: ${error.message}`
  return depth < 3 && error.cause !== undefined ? `${own}\nCaused by: ${describeError(error.cause, depth + 1)}` : own
}

function safeString(value: unknown): string {
  try {
    return String(value).slice(0, 2000)
  } catch {
    return typeof value
  }
}
