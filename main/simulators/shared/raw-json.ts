import type { ServerResponse } from 'node:http'
import { sendJsonText } from '../../net/loopback-server'

/**
 * JSON text a simulator sends verbatim inside an otherwise ordinary body: a value nested
 * 20,000 deep, which JSON.stringify could not be trusted to write. It serialises as a token
 * that sendJson swaps for the text; no token is ever made unless a test asks for raw JSON.
 */
const TOKEN = '__quire_simulator_raw_json_'
const texts = new Map<number, string>()
let next = 0

export class RawJson {
  private readonly id: number

  constructor(text: string) {
    this.id = next++
    texts.set(this.id, text)
  }

  toJSON(): string {
    return `${TOKEN}${this.id}`
  }
}

/** The body as JSON, with every RawJson's text in place of its token. */
export function jsonText(body: unknown): string {
  const text = JSON.stringify(body)
  if (texts.size === 0 || !text.includes(TOKEN)) return text
  return text.replace(new RegExp(`"${TOKEN}(\\d+)"`, 'g'), (_, id: string) => texts.get(Number(id)) ?? 'null')
}

/** A simulator's JSON answer: as the loopback server's, with raw JSON texts in place. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(response, status, jsonText(body), headers)
}
