/**
 * Electron lifecycle only: one instance, one locked-down window, the core wired to IPC. All the
 * work lives in the Electron-free core (main/app/create-core.ts). Paths below are relative to
 * the bundle, out/main/index.js.
 */
import { join } from 'node:path'
import { app, BrowserWindow, net } from 'electron'
import { registerAppScheme, serveRenderer } from './app-protocol'
import type { CacheHealth } from '../../preload/contract'
import { createCore, type Core } from '../app/create-core'
import { startBackgroundWork } from '../app/start-background'
import { defaultDataDir, moveRoamingCache } from '../app/default-data-dir'
import { isAppError } from '../base/errors'
import { refusedSwitches } from './dev-switches'
import { rebuildCache } from '../db/rebuild-cache'
import { createDispatch } from '../ipc/dispatch'
import { registerIpc } from './ipc'
import { createHandlers } from '../ipc/handlers'
import { electronConfirmation, lockWithTheSystem, systemIdleSeconds } from './lock'
import { electronDesktop } from './desktop-shell'
import { createFileLog } from '../log/file-log'
import { KeytarSecretStore } from '../secrets/keytar-store'
import { createMainWindow, lockDownSession } from './window'

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

const debugSwitches = refusedSwitches({ isPackaged: app.isPackaged, argv: process.argv })
if (debugSwitches.length > 0) {
  process.stderr.write(
    `Quire does not start with debugging switches (${debugSwitches.join(' ')}): another program could drive it and read your invoices.\n`
  )
  app.exit(1)
} else {
  boot()
}

function boot(): void {
  registerAppScheme()
  if (!app.requestSingleInstanceLock()) return app.quit()
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.whenReady().then(start, (error: unknown) => fail(error))
}

async function start(): Promise<void> {
  const rendererDir = join(import.meta.dirname, '../renderer')
  lockDownSession(rendererDir)
  serveRenderer(rendererDir)
  moveRoamingCache()
  const dataDir = defaultDataDir()
  // The OS's own place for app logs (~/Library/Logs/Quire, %APPDATA%\Quire\logs, ~/.config/Quire/logs).
  const log = createFileLog(app.getPath('logs'))
  log.info('Quire starting', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform })
  const open = (): Promise<Core> =>
    createCore({
      dataDir,
      log,
      secrets: new KeytarSecretStore(),
      isOnline: () => net.isOnline(),
      desktop: electronDesktop(() => mainWindow),
      idleSeconds: systemIdleSeconds,
      confirmation: electronConfirmation()
    })
  try {
    core = await open()
  } catch (error) {
    log.error('The core could not start', error)
    if (!isAppError(error, 'DB_CORRUPT') || !(await offerRebuild(error.message))) return fail(error)
    try {
      rebuildCache(join(dataDir, 'quire.sqlite3'), new Date())
      core = await open()
    } catch (again) {
      log.error('The core could not start after rebuilding the cache', again)
      return fail(again)
    }
  }
  registerIpc(createDispatch(createHandlers(core, app.getVersion()), core.log.error), core.rendererEvents, () => mainWindow)
  // The integrity check runs after launch; damage it finds gets the same one-step rebuild.
  core.events.subscribe((event, payload) => {
    if (event === 'cache.health' && (payload as CacheHealth).state === 'damaged')
      void rebuildWhileOpen(dataDir, (payload as CacheHealth).message ?? '')
  })
  await startBackgroundWork(core)
  lockWithTheSystem(core.lock)
  mainWindow = createMainWindow(join(import.meta.dirname, '../preload'))
  mainWindow.on('closed', () => (mainWindow = null))
}

app.on('window-all-closed', () => app.quit())

let closing = false
app.on('will-quit', (event) => {
  if (!core || closing) return
  // Let in-flight page transactions settle and fold the WAL back before exit.
  event.preventDefault()
  closing = true
  void core.close().finally(() => app.quit())
})

/** Rebuilding replaces the open file, so the core closes first and the app starts again on the new cache. */
async function rebuildWhileOpen(dataDir: string, message: string): Promise<void> {
  if (!core || closing || !(await offerRebuild(message, 'Later'))) return
  closing = true
  try {
    await core.close()
    rebuildCache(join(dataDir, 'quire.sqlite3'), new Date())
    app.relaunch()
    app.exit(0)
  } catch (error) {
    await fail(error)
  }
}

async function offerRebuild(message: string, decline = 'Quit'): Promise<boolean> {
  const { dialog } = await import('electron')
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: 'Quire',
    message: 'The invoice cache is damaged',
    detail: message,
    buttons: ['Rebuild cache', decline],
    defaultId: 0,
    cancelId: 1
  })
  return response === 0
}

async function fail(error: unknown): Promise<void> {
  const { dialog } = await import('electron')
  dialog.showErrorBox('Quire cannot start', error instanceof Error ? error.message : String(error))
  app.exit(1)
}
