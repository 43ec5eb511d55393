import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { z } from 'zod'
import { UsageError } from './cli-context'

type Options = NonNullable<ParseArgsConfig['options']>

/** Strict parsing: an unknown flag or a missing value is a usage error, never ignored. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
}

export function parseValue<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  throw new UsageError(`${what}: ${result.error.issues.map((issue) => issue.message).join('; ')}`)
}

/** Reads a secret piped on stdin, so it never appears in argv, shell history or `ps`. */
export async function readSecret(stdin: NodeJS.ReadableStream & { isTTY?: boolean }): Promise<string> {
  // A terminal echoes what is typed or pasted, onto the screen and into scrollback and recordings.
  if (stdin.isTTY) {
    throw new UsageError(
      '--secret-stdin: refusing to read a secret from a terminal, which would show it. Pipe it in instead, e.g. from your password manager, or: read -rs SECRET && printf %s "$SECRET" | quire … --secret-stdin'
    )
  }
  const chunks: Buffer[] = []
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  const secret = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
  if (secret.trim().length === 0) throw new UsageError('--secret-stdin: nothing was read from standard input')
  return secret.trim()
}
