import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Quire's data dir, shared by the app and the CLI: where Electron's app.getPath('userData') is,
 * except on Windows, where the cache lives under Local, not Roaming, app data: a roaming profile
 * would copy every invoice to the domain's file server at each sign-out.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.QUIRE_DATA_DIR) return env.QUIRE_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Quire')
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Quire')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Quire')
}

/**
 * On Windows, moves the cache an earlier Quire kept under Roaming to Local, once, before anything
 * opens it (the accounts live in it). Only Quire's own files move: Roaming\\Quire stays Electron's
 * session folder.
 */
export function moveRoamingCache(env: NodeJS.ProcessEnv = process.env, platform = process.platform): void {
  if (platform !== 'win32' || env.QUIRE_DATA_DIR) return
  const roaming = join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Quire')
  const local = defaultDataDir(env, platform)
  if (!existsSync(join(roaming, 'quire.sqlite3')) || existsSync(join(local, 'quire.sqlite3'))) return
  mkdirSync(local, { recursive: true })
  for (const name of ['quire.sqlite3', 'quire.sqlite3-wal', 'quire.sqlite3-shm', 'pdfs']) {
    if (existsSync(join(roaming, name))) renameSync(join(roaming, name), join(local, name))
  }
}
