import { homedir } from 'node:os'
import { join } from 'node:path'

/** Where Electron's app.getPath('userData') puts Quire's data, so the CLI and the app share it. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.QUIRE_DATA_DIR) return env.QUIRE_DATA_DIR
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Quire')
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Quire')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Quire')
}
