/**
 * The test host: serves the built renderer to a browser and bridges the IPC contract to the
 * same core over loopback HTTP (POST /rpc for invoke, Server-Sent Events for events). It exists
 * so the whole app runs end to end in Chromium where no Electron binary is available; it adds
 * transport only. Every route needs the host's own Host header and the per-launch token (see
 * host-access.ts); calls must also come from the host's own origin.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { rendererFile } from '../app/renderer-file'
import type { Dispatch } from '../ipc/dispatch'
import { listenOnLoopback, sendJson } from '../net/loopback-server'
import { rendererFileHeaders, SECURITY_HEADERS } from '../net/security-headers'
import type { RendererEvents } from '../lock/locked-events'
import { bridgeShimSource } from './bridge-shim'
import { createHostAccess, TOKEN_PARAM } from './host-access'

const MAX_BODY = 1_000_000

export interface TestHostOptions {
  dispatch: Dispatch
  events: RendererEvents
  rendererDir: string
  port?: number
}

export interface RunningTestHost {
  origin: string
  /** Opens the app in one step: carries the per-launch token, which the first load trades for a cookie. */
  url: string
  close(): Promise<void>
}

export async function startTestHost(options: TestHostOptions): Promise<RunningTestHost> {
  const access = createHostAccess()
  const streams = new Set<ServerResponse>()
  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const stream of streams) stream.write(frame)
  })
  let origins = new Set<string>()
  let port = -1
  const server = await listenOnLoopback(async (request, response, url) => {
    if (!access.hostAllowed(request, port)) return send(response, 421, '.html', 'This server answers only as 127.0.0.1 or localhost.')
    if (request.method === 'GET' && access.hasUrlToken(url)) {
      // Trade the token for the cookie, and take it out of the address bar and history.
      url.searchParams.delete(TOKEN_PARAM)
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': access.cookie(port),
        Location: `${url.pathname}${url.search}`,
        'Cache-Control': 'no-store'
      })
      response.end()
      return
    }
    if (!access.hasCookie(request, port))
      return send(response, 403, '.html', 'Open Quire with the URL the host printed: it carries this launch’s token.')
    if (url.pathname === '/rpc' && request.method === 'POST') {
      if (!origins.has(request.headers.origin ?? '') || !request.headers['content-type']?.startsWith('application/json')) {
        return sendJson(
          response,
          403,
          { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Quire page itself.' } },
          SECURITY_HEADERS
        )
      }
      const body = await readBody(request)
      let call: { method?: unknown; input?: unknown }
      try {
        call = JSON.parse(body ?? '') as typeof call
      } catch {
        return sendJson(
          response,
          400,
          { ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON.' } },
          SECURITY_HEADERS
        )
      }
      return sendJson(response, 200, await options.dispatch(call?.method, call?.input), SECURITY_HEADERS)
    }
    if (url.pathname === '/events') {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive'
      })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (url.pathname === '/quire-bridge.js') return send(response, 200, '.js', bridgeShimSource())
    if (request.method !== 'GET') return send(response, 405, '.html', 'Method not allowed')
    return serveStatic(options.rendererDir, url.pathname, response)
  }, options.port)
  port = Number(new URL(server.origin).port)
  origins = new Set([server.origin, `http://localhost:${port}`])
  return {
    origin: server.origin,
    url: `${server.origin}/?${TOKEN_PARAM}=${access.token}`,
    close: async () => {
      unsubscribe()
      for (const stream of streams) stream.end()
      await server.close()
    }
  }
}

async function serveStatic(root: string, pathname: string, response: ServerResponse): Promise<void> {
  const file = rendererFile(root, pathname)
  if (!file) return send(response, 403, '.html', 'Forbidden')
  let content: Buffer
  try {
    content = await readFile(file)
  } catch {
    return send(response, 404, '.html', 'Not found')
  }
  if (file === rendererFile(root, '/')) {
    // The shim must define window.quire before the renderer's module script runs.
    const html = content.toString('utf8').replace('<title>', '<script src="./quire-bridge.js"></script>\n    <title>')
    return send(response, 200, '.html', html)
  }
  send(response, 200, extname(file), content)
}

function send(response: ServerResponse, status: number, extension: string, body: string | Buffer): void {
  response.writeHead(status, rendererFileHeaders(`file${extension}`))
  response.end(body)
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}
