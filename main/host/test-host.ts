/**
 * The test host: serves the built renderer to a browser and bridges the IPC contract to the
 * same core over loopback HTTP (POST /rpc for invoke, Server-Sent Events for events). It exists
 * so the whole app runs end to end in Chromium where no Electron binary is available; it adds
 * transport only. Calls are accepted only from the host's own origin, so no other web page in
 * the user's browser can drive it.
 */
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname } from 'node:path'
import { rendererFile } from '../app/renderer-file'
import type { EventHub } from '../base/events'
import type { Dispatch } from '../ipc/dispatch'
import { listenOnLoopback, sendJson, type RunningServer } from '../net/loopback-server'
import { bridgeShimSource } from './bridge-shim'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file; browsers refuse a module served as octet-stream.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}
const MAX_BODY = 1_000_000

export interface TestHostOptions {
  dispatch: Dispatch
  events: EventHub
  rendererDir: string
  port?: number
}

export async function startTestHost(options: TestHostOptions): Promise<RunningServer> {
  const streams = new Set<ServerResponse>()
  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const stream of streams) stream.write(frame)
  })
  let origin = ''
  const server = await listenOnLoopback(async (request, response, url) => {
    if (url.pathname === '/rpc' && request.method === 'POST') {
      if (request.headers.origin !== origin || !request.headers['content-type']?.startsWith('application/json')) {
        return sendJson(response, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from the Quire page itself.' } })
      }
      const body = await readBody(request)
      let call: { method?: unknown; input?: unknown }
      try {
        call = JSON.parse(body ?? '') as typeof call
      } catch {
        return sendJson(response, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not JSON.' } })
      }
      return sendJson(response, 200, await options.dispatch(call?.method, call?.input))
    }
    if (url.pathname === '/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      response.write(': connected\n\n')
      streams.add(response)
      request.on('close', () => streams.delete(response))
      return
    }
    if (url.pathname === '/quire-bridge.js') return send(response, 200, '.js', bridgeShimSource())
    if (request.method !== 'GET') return send(response, 405, '.html', 'Method not allowed')
    return serveStatic(options.rendererDir, url.pathname, response)
  }, options.port)
  origin = server.origin
  return {
    origin: server.origin,
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
  response.writeHead(status, { 'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
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
