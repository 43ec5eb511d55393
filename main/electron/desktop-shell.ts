import { join } from 'node:path'
import { app, dialog, shell, type BrowserWindow, type SaveDialogOptions } from 'electron'
import type { DesktopShell } from '../pdfs/desktop-shell'

/**
 * The desktop shell for Electron. `openPath` is only ever given a path the PDF service built
 * from a verified cache entry's digest, never one that came from the renderer.
 */
export function electronDesktop(window: () => BrowserWindow | null): DesktopShell {
  return {
    openPath: (path) => shell.openPath(path),
    chooseSavePath: async (suggestedName) => {
      const options: SaveDialogOptions = {
        title: 'Save invoice PDF',
        defaultPath: join(app.getPath('downloads'), suggestedName),
        filters: [{ name: 'PDF document', extensions: ['pdf'] }]
      }
      const owner = window()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    }
  }
}
