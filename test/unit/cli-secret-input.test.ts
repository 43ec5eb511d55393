import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readSecret } from '../../main/cli/parse'

describe('the CLI never reads a secret where a terminal would echo it', () => {
  it('refuses a terminal on standard input, with a hint, before reading anything', async () => {
    const terminal = Object.assign(Readable.from(['hsk_typed_in_clear\n']), { isTTY: true })
    await expect(readSecret(terminal)).rejects.toThrow(/refusing to read a secret from a terminal.*Pipe it in/)
    expect(terminal.readableEnded).toBe(false)
  })

  it('reads a piped secret', async () => {
    expect(await readSecret(Readable.from(['hsk_piped\n']))).toBe('hsk_piped')
  })
})
