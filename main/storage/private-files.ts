/**
 * Everything Quire writes holds invoices, counterparties or activity: readable by the person
 * only. Folders are 0700 and files 0600 whatever the umask, on every platform where modes exist
 * (on Windows, node maps them to the read-only flag only, and the per-user app data folder's
 * ACL is what protects the cache).
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600
const HAS_MODES = process.platform !== 'win32'

/** Makes the folder (and missing parents) and narrows it to the person, also when it existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (HAS_MODES) chmodSync(dir, PRIVATE_DIR_MODE)
}

/**
 * Creates an empty file as 0600 if it is missing. SQLite gives its -wal and -shm files the mode
 * of the database file, so creating the cache this way before SQLite opens it covers all three.
 */
export function ensurePrivateFile(file: string): void {
  if (existsSync(file)) return
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE))
}

/** Narrows one existing file to the person. */
export function makeFilePrivate(file: string): void {
  if (HAS_MODES) chmodSync(file, PRIVATE_FILE_MODE)
}

/**
 * Narrows a data dir made by an older Quire, or under a wide umask: every folder in it 0700,
 * every file 0600. Symbolic links are left alone (and not followed).
 */
export function tightenTree(dir: string): void {
  if (!HAS_MODES || !existsSync(dir)) return
  chmodSync(dir, PRIVATE_DIR_MODE)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) tightenTree(path)
    else if (entry.isFile() && (lstatSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE)
  }
}
