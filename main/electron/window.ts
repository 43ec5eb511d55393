/**
 * The one window, locked down per Electron's security checklist: sandboxed renderer with
 * context isolation and no Node, no navigation away from the app, no new windows, and every
 * permission request denied. The renderer has no business with the network.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, session, shell } from 'electron'
import { APP_ENTRY, isAppUrl } from './app-protocol'
import { devServerUrl } from './dev-switches'

export function createMainWindow(preloadDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Quire',
    webPreferences: {
      // Electronegativity's PRELOAD check: accepted — the preload exposes only invoke/on over two
      // fixed channels, and main validates every call against the contract.
      preload: join(preloadDir, 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      // The installed app has no developer tools: with them, a locked window's page could be read.
      devTools: !app.isPackaged,
      // A middle click must not open a link in a new window behind setWindowOpenHandler's back.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    void confirmExternal(window, url)
    return { action: 'deny' }
  })

  const devServer = devServerUrl({ isPackaged: app.isPackaged, env: process.env })
  if (devServer) void window.loadURL(devServer)
  else void window.loadURL(APP_ENTRY)
  return window
}

/**
 * Only https links leave the app, and only after the person confirms the exact host: a link
 * inside a provider's payload must not open anything on its own.
 */
async function confirmExternal(window: BrowserWindow, url: string): Promise<void> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return
  }
  if (target.protocol !== 'https:') return
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    message: `Open ${target.host} in your browser?`,
    detail: target.href,
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1
  })
  // Electronegativity's OPEN_EXTERNAL check: accepted — https only, confirmed host, never automatic.
  if (response === 0) await shell.openExternal(target.href)
}

/** Applied once to the default session before any window exists. */
export function lockDownSession(rendererDir: string): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  // The renderer never talks to the network: main does, on its behalf. Dev server aside.
  const devServer = devServerUrl({ isPackaged: app.isPackaged, env: process.env })
  const rendererRoot = pathToFileURL(join(rendererDir, '/')).href
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // file: only for the quire:// handler's own reads of the renderer's folder.
    const allowed =
      isAppUrl(details.url) ||
      details.url.startsWith(rendererRoot) ||
      details.url.startsWith('devtools:') ||
      (devServer !== null && details.url.startsWith(devServer))
    callback({ cancel: !allowed })
  })
}
