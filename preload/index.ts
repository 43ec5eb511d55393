/**
 * The whole preload: `window.quire` with `invoke` and `on`, over two fixed channels. The renderer
 * cannot reach ipcRenderer or name a channel; main validates every call against the contract.
 * Runs sandboxed, so it is bundled to one CommonJS file; from the contract it takes only the
 * channel names and types, never zod.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { EVENT_CHANNEL, INVOKE_CHANNEL, type QuireBridge } from './contract/bridge'

const bridge: QuireBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on: (event, listener) => {
    const forward = (_: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) (listener as (payload: unknown) => void)(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  }
}

contextBridge.exposeInMainWorld('quire', bridge)
