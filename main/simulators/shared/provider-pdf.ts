/**
 * Invoice PDFs as a provider's server would serve them, for the Yeti-Switch and Lynkwell
 * simulators: real small PDFs drawn with pdf-lib (lazily, once per invoice), and on request the
 * ways a real download goes wrong — an HTML page sent as application/pdf, a file cut off
 * half-way, one too big to be an invoice, or (Yeti) no PDF rendered yet.
 */
import type { ServerResponse } from 'node:http'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'

export type PdfFault = 'html' | 'truncated' | 'oversized' | 'missing'

export interface ProviderPdfContent {
  /** The issuer's name, printed as the letterhead. */
  issuer: string
  title: string
  facts: [string, string][]
  items: [string, string][]
  total: string
}

/** Far beyond any invoice and any cap a client should have; the client is expected to stop reading first. */
const OVERSIZED_BYTES = 64 * 1_048_576

export async function drawProviderPdf(content: ProviderPdfContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const regular = await doc.embedFont(StandardFonts.TimesRoman)
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold)
  const charset = new Set(regular.getCharacterSet())
  // The standard fonts cover Western European text only; a real provider embeds its own fonts.
  const safe = (text: string): string => Array.from(text, (char) => (charset.has(char.codePointAt(0)!) ? char : '?')).join('')
  const page = doc.addPage([595.28, 841.89])
  let y = 780
  const line = (text: string, size = 11, font = regular, x = 56): void => {
    page.drawText(safe(text), { x, y, size, font, color: rgb(0.1, 0.1, 0.1) })
    y -= size + 8
  }
  page.drawRectangle({ x: 0, y: 800, width: 595.28, height: 42, color: rgb(0.13, 0.3, 0.55) })
  page.drawText(safe(content.issuer), { x: 56, y: 814, size: 16, font: bold, color: rgb(1, 1, 1) })
  line(content.title, 20, bold)
  y -= 6
  for (const [label, value] of content.facts) line(`${label}: ${value}`)
  y -= 10
  for (const [description, amount] of content.items) line(`${description}    ${amount}`, 10)
  y -= 10
  line(`Total due: ${content.total}`, 13, bold)
  doc.setTitle(content.title)
  doc.setProducer(`${content.issuer} billing`)
  return doc.save()
}

/** Serves an invoice's PDF, or the fault configured for it. */
export async function sendPdf(
  response: ServerResponse,
  pdf: () => Promise<Uint8Array>,
  fault: PdfFault | undefined,
  fileName: string
): Promise<void> {
  switch (fault) {
    case 'missing':
      response.writeHead(404, { 'Content-Length': '0' })
      return void response.end()
    case 'html': {
      const page =
        '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action="/login"><input name="user"></form></body></html>'
      response.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': Buffer.byteLength(page) })
      return void response.end(page)
    }
    case 'truncated': {
      const bytes = await pdf()
      const half = Buffer.from(bytes.subarray(0, Math.floor(bytes.length / 2)))
      response.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': half.length,
        'Content-Disposition': `attachment; filename="${fileName}"`
      })
      return void response.end(half)
    }
    case 'oversized':
      return sendEndlessPdf(response)
    default: {
      const bytes = Buffer.from(await pdf())
      // A server-chosen name, as Yeti sends: the client must never use it as a path.
      response.writeHead(200, {
        'Content-Type': 'application/pdf',
        'Content-Length': bytes.length,
        'Content-Disposition': `attachment; filename="${fileName}"`
      })
      response.end(bytes)
    }
  }
}

/** A PDF header, then padding with no length announced, until the client hangs up. */
async function sendEndlessPdf(response: ServerResponse): Promise<void> {
  response.writeHead(200, { 'Content-Type': 'application/pdf' })
  const chunk = Buffer.alloc(1_048_576, 0x20)
  chunk.write('%PDF-1.7\n%')
  let sent = 0
  while (sent < OVERSIZED_BYTES && !response.destroyed) {
    if (!response.write(chunk))
      await new Promise((resolve) => (response.destroyed ? resolve(undefined) : response.once('drain', resolve).once('close', resolve)))
    sent += chunk.length
    chunk.fill(0x20, 0, 10)
  }
  response.end()
}

/** Each invoice's PDF is drawn once, on first request. */
export function pdfCache(draw: (id: string) => Promise<Uint8Array>): (id: string) => Promise<Uint8Array> {
  const drawn = new Map<string, Promise<Uint8Array>>()
  return (id) => {
    let pdf = drawn.get(id)
    if (!pdf) {
      pdf = draw(id)
      drawn.set(id, pdf)
    }
    return pdf
  }
}
