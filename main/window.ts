/**
 * The one window, locked down per Electron's security checklist: sandboxed renderer with
 * context isolation and no Node, no navigation away from the app, no new windows, and every
 * permission request denied. The renderer has no business with the network.
 */
import { join } from 'node:path'
import { BrowserWindow, session, shell } from 'electron'

export function createMainWindow(preloadDir: string, rendererDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Quire',
    webPreferences: {
      preload: join(preloadDir, 'index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })

  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) void window.loadURL(devServer)
  else void window.loadFile(join(rendererDir, 'index.html'))
  return window
}

/** Applied once to the default session before any window exists. */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  // The renderer never talks to the network: main does, on its behalf. Dev server aside.
  const devServer = process.env.ELECTRON_RENDERER_URL
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('file:') || details.url.startsWith('devtools:') || (devServer !== undefined && details.url.startsWith(devServer))
    callback({ cancel: !allowed })
  })
}
