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
