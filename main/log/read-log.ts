/** Reading the end of a log file, bounded: a log may be 5 MB and the caller wants its last lines. */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs'

export function readTail(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r')
  try {
    const size = fstatSync(fd).size
    const length = Math.min(size, bytes)
    const buffer = Buffer.alloc(length)
    readSync(fd, buffer, 0, length, size - length)
    return buffer
  } finally {
    closeSync(fd)
  }
}

/** The last `count` lines of a log (a multi-line entry such as a stack counts each line); [] when there is no log yet. */
export function tailLines(file: string, count: number, maxBytes = 2 * 1024 * 1024): string[] {
  if (!existsSync(file)) return []
  const lines = readTail(file, maxBytes).toString('utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.slice(-count)
}
