import type { Core } from '../app/create-core'

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
}

export interface CliContext extends CliIo {
  core: Core
}

/** A mistake in how the command was called: exit 2 and show usage. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export function print(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`)
}

export function printJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`)
}

/** Aligned columns for people; --json is the interface for scripts. */
export function printTable(stream: NodeJS.WritableStream, headers: string[], rows: string[][], rightAligned: number[] = []): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)))
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (rightAligned.includes(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd()
  print(stream, line(headers))
  for (const row of rows) print(stream, line(row))
}
