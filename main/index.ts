/** The Electron entry named in package.json: everything Electron lives behind main/electron/. */
import './electron/main'
