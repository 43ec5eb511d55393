/**
 * The only ipcMain.handle. Calls are accepted from the app's own top-level frame alone; all
 * else (unknown methods, bad input) is left to the transport-independent dispatch.
 */
import { app, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../preload/contract/bridge'
import { isAppUrl } from './app-protocol'
import type { Dispatch } from '../ipc/dispatch'
import { devServerUrl } from './dev-switches'
import type { RendererEvents } from '../lock/locked-events'

export function registerIpc(dispatch: Dispatch, events: RendererEvents, window: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Quire’s own window.' } }
    }
    return dispatch(method, input)
  })
  const unsubscribe = events.subscribe((name, payload) => window()?.webContents.send(EVENT_CHANNEL, name, payload))
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    unsubscribe()
  }
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const devServer = devServerUrl({ isPackaged: app.isPackaged, env: process.env })
  if (devServer) return new URL(frame.url).origin === new URL(devServer).origin
  return isAppUrl(frame.url)
}
