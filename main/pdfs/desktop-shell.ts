/**
 * What only a desktop host can do with a cached PDF: hand it to the system's viewer and ask
 * where to save a copy. Injected into the core (Electron passes its shell and dialog), so the
 * core stays Electron-free; the CLI and the test host have none and say so.
 */
export interface DesktopShell {
  /** Opens a file with the system's default app: '' on success, else the system's message (shell.openPath). */
  openPath(path: string): Promise<string>
  /** Shows a save dialog; the chosen path, or null when the person cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>
}
