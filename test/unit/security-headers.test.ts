import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, rendererFileHeaders } from '../../main/net/security-headers'

describe('the renderer is served with its CSP as a header', () => {
  it('sends the same policy as the meta tag, which does not reach workers', () => {
    const html = readFileSync('renderer/index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(CONTENT_SECURITY_POLICY)
  })

  it('gives every file its exact type with nosniff, the pdf.js worker included', () => {
    expect(rendererFileHeaders('/app/assets/pdf.worker.min.mjs')).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'text/javascript; charset=utf-8'
    })
    expect(rendererFileHeaders('/app/index.html')['Content-Type']).toBe('text/html; charset=utf-8')
    expect(rendererFileHeaders('/app/unknown.bin')['Content-Type']).toBe('application/octet-stream')
  })

  it('is what the quire:// protocol handler answers with', () => {
    const handler = readFileSync('main/electron/app-protocol.ts', 'utf8')
    expect(handler).toMatch(/new Response\(read\.body, \{ status: read\.status, headers: rendererFileHeaders\(file\) \}\)/)
  })
})
