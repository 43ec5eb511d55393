import { writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EventHub } from '../../main/base/events'
import { startTestHost, type RunningTestHost } from '../../main/host/test-host'
import type { Dispatch } from '../../main/ipc/dispatch'
import { CONTENT_SECURITY_POLICY } from '../../main/net/security-headers'
import { tempDir } from '../helpers/temp-dir'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, because a local attacker sets any header it likes, Host and Origin included. */
function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; readMs?: number } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      const done = (): void => resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
      res.on('end', done)
      // An event stream never ends: read what arrives for a moment, then hang up.
      if (options.readMs) setTimeout(() => (req.destroy(), done()), options.readMs)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the test host answers only the page it launched', () => {
  let dir: ReturnType<typeof tempDir>
  let host: RunningTestHost
  let events: EventHub
  const dispatched: unknown[] = []

  beforeEach(async () => {
    dir = tempDir()
    writeFileSync(join(dir.path, 'index.html'), '<html><head><title>Quire</title></head></html>')
    events = new EventHub()
    dispatched.length = 0
    const dispatch: Dispatch = async (method) => (dispatched.push(method), { ok: true, value: [] })
    host = await startTestHost({ dispatch, events, rendererDir: dir.path })
  })
  afterEach(async () => {
    await host.close()
    dir.remove()
  })

  const rpc = (headers: Record<string, string>) =>
    call(`${host.origin}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ method: 'invoices.list', input: {} })
    })

  async function signIn(): Promise<string> {
    const first = await call(host.url)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    const cookie = String(first.headers['set-cookie'])
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    return cookie.split(';')[0]!
  }

  it('refuses a forged-Origin call that lacks the token, and runs nothing', async () => {
    const forged = await rpc({ Origin: host.origin })
    expect(forged.status).toBe(403)
    const wrongCookie = await rpc({ Origin: host.origin, Cookie: `quire_host_${new URL(host.origin).port}=${'A'.repeat(43)}` })
    expect(wrongCookie.status).toBe(403)
    expect(dispatched).toEqual([])
  })

  it('prints a URL with a token of at least 128 bits', () => {
    const token = new URL(host.url).searchParams.get('token') ?? ''
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16)
  })

  it('lets the launched page in after trading the token for the cookie', async () => {
    const cookie = await signIn()
    const ok = await rpc({ Origin: host.origin, Cookie: cookie })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: [] })
    expect(dispatched).toEqual(['invoices.list'])
    const page = await call(`${host.origin}/`, { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    // With the cookie, a page on another origin still cannot call.
    expect((await rpc({ Origin: 'http://evil.example', Cookie: cookie })).status).toBe(403)
  })

  it('keeps the event stream from a foreign Host (DNS rebinding) and from callers without the cookie', async () => {
    const cookie = await signIn()
    const port = new URL(host.origin).port
    setTimeout(() => events.emit('accounts.changed', {}), 50)
    const rebound = await call(`${host.origin}/events`, { headers: { Host: `attacker.example:${port}`, Cookie: cookie }, readMs: 200 })
    expect(rebound.status).toBe(421)
    expect(rebound.body).not.toContain('accounts.changed')
    const anonymous = await call(`${host.origin}/events`, { readMs: 200 })
    expect(anonymous.status).toBe(403)
    const staticFile = await call(`${host.origin}/index.html`, { headers: { Host: `attacker.example:${port}` } })
    expect(staticFile.status).toBe(421)
    expect((await call(`${host.origin}/index.html`)).status).toBe(403)
    // localhost is the same host, and is let in with the cookie.
    setTimeout(() => events.emit('accounts.changed', {}), 50)
    const own = await call(`${host.origin}/events`, { headers: { Host: `localhost:${port}`, Cookie: cookie }, readMs: 300 })
    expect(own.status).toBe(200)
    expect(own.body).toContain('accounts.changed')
  })
})
