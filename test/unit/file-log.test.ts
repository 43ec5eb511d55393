import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLog, logFiles } from '../../main/log/file-log'
import { scrubSecrets } from '../../main/log/scrub-secrets'
import { tempDir } from '../helpers/temp-dir'

describe('the log file', () => {
  const dirs: { remove(): void }[] = []
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()))

  it('writes info lines with their fields and errors with the stack and cause, creating the folder', () => {
    const dir = tempDir()
    dirs.push(dir)
    const log = createFileLog(join(dir.path, 'logs'))
    log.info('sync finished', { account: 'Studio', pages: 3, skipped: undefined })
    log.error('IPC invoices.list failed', new Error('outer', { cause: new TypeError('inner reason') }))
    const text = readFileSync(log.file, 'utf8')
    expect(text).toMatch(/\[info\]\s+sync finished \{"account":"Studio","pages":3\}\n/)
    expect(text).not.toContain('skipped')
    expect(text).toMatch(/\[error\]\s+IPC invoices\.list failed\nError: outer\n\s+at /)
    expect(text).toContain('Caused by: TypeError: inner reason')
  })

  it('rotates past its size into numbered files and keeps at most five', () => {
    const dir = tempDir()
    dirs.push(dir)
    const log = createFileLog(dir.path, { maxBytes: 2_000 })
    for (let line = 0; line < 400; line += 1) log.info(`line ${line} ${'x'.repeat(80)}`)
    expect(readdirSync(dir.path).sort()).toEqual(['quire.1.log', 'quire.2.log', 'quire.3.log', 'quire.4.log', 'quire.log'])
    const files = logFiles(dir.path)
    expect(files[0]).toBe(log.file)
    // Newest first: the current file holds the last line, and each older file ends before the next begins.
    expect(readFileSync(files[0]!, 'utf8')).toContain('line 399 ')
    const firstLine = (file: string): number => Number(/line (\d+) /.exec(readFileSync(file, 'utf8'))![1])
    const starts = files.map(firstLine)
    expect([...starts].sort((a, b) => b - a)).toEqual(starts)
    for (const file of files.slice(1)) expect(readFileSync(file).length).toBeLessThan(2_000 + 200)
  })

  it('scrubs credential shapes from every line', () => {
    const dir = tempDir()
    dirs.push(dir)
    const log = createFileLog(dir.path)
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl'
    log.error(
      'request failed',
      new Error(
        `Authorization: Bearer abc.DEF-123 {"client_secret":"lw-s3cret","password":"hunter2"} hsk_live_0123456789 ${jwt} api_key=cs-key-1`
      )
    )
    const text = readFileSync(log.file, 'utf8')
    for (const secret of ['abc.DEF-123', 'lw-s3cret', 'hunter2', 'hsk_live_0123456789', jwt, 'cs-key-1']) expect(text).not.toContain(secret)
    expect(scrubSecrets('sent Bearer abc.DEF')).toBe('sent Bearer [redacted]')
    expect(scrubSecrets('pages=3 upserted=100')).toBe('pages=3 upserted=100')
  })
})
