/**
 * Streams a provider's PDF response to a temp file and proves it is a whole PDF before anything
 * keeps it: status 200, a PDF content type, under the size cap (checked as the bytes arrive, so
 * an endless body stops at the cap), the `%PDF-` header and the `%%EOF` trailer. The SHA-256 is
 * computed on the way through. Whatever fails, the temp file is gone and the error says what
 * the server sent instead, in words a person can act on.
 */
import { createHash } from 'node:crypto'
import { open, rm } from 'node:fs/promises'
import { AppError } from '../base/errors'
import { PRIVATE_FILE_MODE } from '../storage/private-files'

export interface ReceivedPdf {
  sha256: string
  size: number
}

/** Where the bytes came from, for messages: "Yeti-Switch account “Ops”". */
export interface Origin {
  who: string
}

/**
 * Content types a PDF is served with. Object stores often label every file as an octet stream,
 * so that is accepted too, and the bytes themselves decide.
 */
const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf', 'application/octet-stream', 'binary/octet-stream'])
/** Per the PDF spec's implementation notes, readers look for the header in the first 1,024 bytes and the trailer in the last 1,024. */
const HEADER_WINDOW = 1_024
const TRAILER_WINDOW = 1_024
const HEADER = Buffer.from('%PDF-')
const TRAILER = Buffer.from('%%EOF')

export async function receivePdf(response: Response, tempFile: string, maxBytes: number, origin: Origin): Promise<ReceivedPdf> {
  const reject = (message: string): never => {
    throw new AppError('PROVIDER_BAD_RESPONSE', `${origin.who}: ${message}`)
  }
  try {
    if (response.status !== 200) {
      await response.body?.cancel()
      reject(`the PDF download failed with status ${response.status}.`)
    }
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (!PDF_TYPES.has(type)) {
      await response.body?.cancel()
      reject(
        `the server sent ${type ? `“${type}”` : 'something with no content type'} instead of a PDF${type === 'text/html' ? ' (a web page, such as a sign-in or error page)' : ''}, so it was not kept.`
      )
    }
    const declared = Number(response.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel()
      reject(`the PDF is ${megabytes(declared)}, over Quire’s ${megabytes(maxBytes)} limit, so it was not downloaded.`)
    }
    if (!response.body) reject('the server sent an empty PDF.')
    const { sha256, size, head, tail } = await streamToFile(response.body!, tempFile, maxBytes, origin)
    if (size === 0) reject('the server sent an empty PDF.')
    if (head.indexOf(HEADER) === -1) {
      reject(
        looksLikeHtml(head)
          ? 'the server sent a web page (HTML) labelled as a PDF, so it was not kept.'
          : 'the file the server sent does not start like a PDF (no %PDF- header), so it was not kept.'
      )
    }
    if (tail.indexOf(TRAILER) === -1)
      reject(`the PDF is incomplete (${megabytes(size)} with no %%EOF end marker): the download was cut off, so it was not kept.`)
    return { sha256, size }
  } catch (error) {
    await rm(tempFile, { force: true })
    throw error
  }
}

async function streamToFile(
  body: ReadableStream<Uint8Array>,
  tempFile: string,
  maxBytes: number,
  origin: Origin
): Promise<ReceivedPdf & { head: Buffer; tail: Buffer }> {
  const hash = createHash('sha256')
  const file = await open(tempFile, 'wx', PRIVATE_FILE_MODE)
  const reader = body.getReader()
  let size = 0
  let head = Buffer.alloc(0)
  let tail = Buffer.alloc(0)
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>
      try {
        chunk = await reader.read()
      } catch (error) {
        throw new AppError(
          'PROVIDER_UNAVAILABLE',
          `${origin.who}: the PDF download was cut off after ${megabytes(size)} (${describe(error)}). Try again.`,
          { cause: error }
        )
      }
      if (chunk.done) break
      const bytes = Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength)
      size += bytes.length
      if (size > maxBytes) {
        await reader.cancel()
        throw new AppError(
          'PROVIDER_BAD_RESPONSE',
          `${origin.who}: the PDF is over Quire’s ${megabytes(maxBytes)} limit, so the download was stopped and nothing was kept.`
        )
      }
      hash.update(bytes)
      if (head.length < HEADER_WINDOW) head = Buffer.concat([head, bytes.subarray(0, HEADER_WINDOW - head.length)])
      tail = Buffer.concat([tail, bytes]).subarray(-TRAILER_WINDOW)
      await file.write(bytes)
    }
    await file.sync()
  } finally {
    reader.releaseLock()
    await file.close()
  }
  return { sha256: hash.digest('hex'), size, head, tail }
}

function looksLikeHtml(head: Buffer): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<\?xml|<!--)/i.test(head.toString('latin1'))
}

function describe(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'it took too long'
  return 'the connection dropped'
}

export function megabytes(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`
}
