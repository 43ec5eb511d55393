/**
 * Reads a response body as text while counting the bytes as they arrive, after fetch has
 * decompressed them: a small gzip page can unpack to gigabytes, so neither Content-Length nor
 * the compressed size says how much memory a body will take. Past the cap, reading stops and the
 * connection is dropped; nothing beyond the cap is ever held.
 */
import { AppError } from '../base/errors'

/** The most one API response may unpack to. A full page of the largest provider page size is a few MB. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024

export async function readBoundedText(response: Response, url: string, maxBytes: number = MAX_RESPONSE_BYTES): Promise<string> {
  if (!response.body) return ''
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw responseTooLarge(url, maxBytes)
    }
    chunks.push(value)
  }
  // TextDecoder drops a UTF-8 byte order mark, as Response.text() does.
  return new TextDecoder().decode(Buffer.concat(chunks, size))
}

export function responseTooLarge(url: string, maxBytes: number): AppError {
  const { origin, pathname } = new URL(url)
  return new AppError(
    'PROVIDER_RESPONSE_TOO_LARGE',
    `${origin} sent a response to ${pathname} that unpacks to more than ${Math.round(maxBytes / (1024 * 1024))} MB, so Quire stopped reading it and left the cache as it was. A real page is far smaller: the server or a proxy in front of it is misbehaving.`
  )
}
