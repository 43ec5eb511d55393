import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { applyFault, type FaultPlan } from './faults'
import { jsonText } from './raw-json'

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void | Promise<void>

export interface RunningServer {
  origin: string
  close(): Promise<void>
}

/**
 * Listens on 127.0.0.1 only: simulators are never reachable from another machine. A fault plan,
 * when given, gets the first word on every request.
 */
export async function listenOnLoopback(handler: Handler, port = 0, faults?: FaultPlan): Promise<RunningServer> {
  let index = 0
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const fault = faults?.({ index: index++, method: request.method ?? 'GET', path: url.pathname }) ?? null
    const handled = fault ? applyFault(fault, request, response) : Promise.resolve(false)
    handled.then((answered) => (answered ? undefined : handler(request, response, url))).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'internal', message: String(error) } })
      else response.destroy()
    })
  })
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', resolve)
  })
  const { port: actual } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = jsonText(body)
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers })
  response.end(text)
}
