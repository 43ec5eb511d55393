/**
 * What only a desktop host can do with a cached PDF: hand it to the system's viewer and ask
 * where to save a copy. Injected into the core (Electron passes its shell and dialog), so the
 * core stays Electron-free; the CLI and the test host have none and say so.
 */
export interface DesktopShell {
  /** Opens a file with the system's default app: '' on success, else the system's message (shell.openPath). */
  openPath(path: string): Promise<string>
  /** Opens the file's folder in the system's file manager with the file selected (shell.showItemInFolder). */
  showItemInFolder(path: string): void
  /** Shows a save dialog (for a PDF unless `kind` says otherwise); the chosen path, or null when the person cancels. */
  chooseSavePath(suggestedName: string, kind?: SaveKind): Promise<string | null>
}

/** What a save dialog is for: its title and the one file type it offers. */
export interface SaveKind {
  title: string
  typeName: string
  extension: string
}

export const PDF_SAVE: SaveKind = { title: 'Save invoice PDF', typeName: 'PDF document', extension: 'pdf' }
