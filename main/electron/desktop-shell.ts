import { join } from 'node:path'
import { app, dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron'
import { PDF_SAVE, type DesktopShell } from '../pdfs/desktop-shell'

/**
 * The desktop shell for Electron. `openPath` is only ever given a path main built (a verified
 * cache entry's digest, or the logs folder), never one that came from the renderer.
 */
export function electronDesktop(window: () => BrowserWindow | null): DesktopShell {
  return {
    openPath: (path) => shell.openPath(path),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    chooseSavePath: async (suggestedName, kind = PDF_SAVE) => {
      const options: SaveDialogOptions = {
        title: kind.title,
        defaultPath: join(app.getPath('downloads'), suggestedName),
        filters: [{ name: kind.typeName, extensions: [kind.extension] }]
      }
      const owner = window()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    }
  }
}
