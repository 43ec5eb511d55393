/**
 * The log file, written by electron-log's Node entry (no Electron import, so the CLI, the test
 * host and the Electron main process all use it; Electron only chooses the folder). Writes are
 * synchronous, so a CLI that exits right after an error still has the line on disk.
 *
 * Rotation: past 5 MB, quire.log becomes quire.1.log, quire.1.log becomes quire.2.log, … and the
 * fifth is dropped, so the folder never holds more than 5 × 5 MB.
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import electronLog from 'electron-log/node'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/private-files'
import { formatLine, type Log } from './log'
import { scrubSecrets } from './scrub-secrets'

export const LOG_FILE_NAME = 'quire.log'
export const LOG_MAX_BYTES = 5 * 1024 * 1024
export const LOG_FILES_KEPT = 5

export interface FileLog extends Log {
  /** The folder holding the current file and its rotated predecessors. */
  readonly dir: string
  /** The file being written now. */
  readonly file: string
}

/** The files of a log folder, newest first: quire.log, quire.1.log, … (those that exist). */
export function logFiles(dir: string): string[] {
  return Array.from({ length: LOG_FILES_KEPT }, (_, index) => join(dir, rotatedName(index))).filter((path) => existsSync(path))
}

export function createFileLog(dir: string, { maxBytes = LOG_MAX_BYTES } = {}): FileLog {
  const file = join(dir, LOG_FILE_NAME)
  // One electron-log instance per file: cores in one process (tests) with different folders never share a file.
  const logger = electronLog.create({ logId: `quire:${file}` })
  // The log names accounts and invoices: the person's only, as the cache is (electron-log's own
  // default is 0666 less the umask, for the folder and every rotated file).
  ensurePrivateDir(dir)
  logger.transports.file.writeOptions = { flag: 'a', mode: PRIVATE_FILE_MODE, encoding: 'utf8' }
  logger.transports.console.level = false
  logger.transports.file.level = 'info'
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}'
  logger.transports.file.maxSize = maxBytes
  logger.transports.file.resolvePathFn = () => file
  logger.transports.file.archiveLogFn = (current) => rotate(dir, current.toString())
  const write = (level: 'info' | 'warn' | 'error', text: string): void => {
    logger[level](scrubSecrets(text))
  }
  return {
    dir,
    file,
    info: (message, fields) => write('info', formatLine(message, fields)),
    warn: (message, fields) => write('warn', formatLine(message, fields)),
    error: (message, error, fields) => write('error', formatLine(message, fields, error))
  }
}

/** Called by electron-log once the current file passes maxSize; it starts a new file after. */
function rotate(dir: string, current: string): void {
  rmSync(join(dir, rotatedName(LOG_FILES_KEPT - 1)), { force: true })
  for (let index = LOG_FILES_KEPT - 2; index >= 1; index -= 1) {
    const from = join(dir, rotatedName(index))
    if (existsSync(from)) renameSync(from, join(dir, rotatedName(index + 1)))
  }
  renameSync(current, join(dir, rotatedName(1)))
}

function rotatedName(index: number): string {
  return index === 0 ? LOG_FILE_NAME : LOG_FILE_NAME.replace(/\.log$/, `.${index}.log`)
}
