import { extname } from 'node:path'

/**
 * The renderer's Content-Security-Policy, sent as a response header by every server of the
 * renderer (the quire:// protocol handler, the test host). The meta tag in renderer/index.html
 * says the same (a unit test keeps them equal), but a meta tag does not cover workers such as
 * pdf.js's, which take their policy from their own response.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"

/** Headers on every response that carries renderer content. nosniff: a file runs only as the type it was sent as. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff'
})

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file; browsers refuse a module served as octet-stream.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json'
}

/** Every header a file of the built renderer is served with: its exact type (nosniff relies on it) and the security headers. */
export function rendererFileHeaders(file: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'no-store'
  }
}
