/**
 * The renderer is served from quire://app, not file://: a standard, secure origin gets module
 * scripts, workers and the CSP's 'self' like any web page, without the extra privileges Electron
 * grants file:// pages (the packaged app turns those off with the GrantFileProtocolExtraPrivileges
 * fuse). The handler serves the built renderer's folder and nothing else.
 */
import { pathToFileURL } from 'node:url'
import { net, protocol } from 'electron'
import { rendererFile } from '../app/renderer-file'
import { rendererFileHeaders } from '../net/security-headers'

const SCHEME = 'quire'
const HOST = 'app'
export const APP_ENTRY = `${SCHEME}://${HOST}/index.html`

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === HOST && request.method === 'GET' ? rendererFile(rendererDir, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404, headers: rendererFileHeaders('.txt') })
    // The CSP must come as a header: the meta tag does not reach workers (pdf.js's among them).
    const read = await net.fetch(pathToFileURL(file).toString())
    return new Response(read.body, { status: read.status, headers: rendererFileHeaders(file) })
  })
}

/** Whether a URL is one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${SCHEME}:` && parsed.host === HOST
  } catch {
    return false
  }
}
