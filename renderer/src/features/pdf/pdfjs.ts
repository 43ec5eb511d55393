/**
 * pdf.js inside the sandboxed renderer. It only ever gets bytes main handed over, never a URL,
 * so it fetches nothing. Its worker is a file of the app itself (allowed by the CSP's
 * script-src 'self', which workers fall back to), and eval is off, as the CSP requires. This
 * module is part of the viewer's own chunk, loaded the first time someone opens a PDF.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

export async function openPdf(bytes: Uint8Array): Promise<{ doc: PDFDocumentProxy; destroy: () => Promise<void> }> {
  const task = getDocument({ data: bytes, isEvalSupported: false, enableXfa: false })
  try {
    return { doc: await task.promise, destroy: () => task.destroy() }
  } catch (error) {
    await task.destroy()
    throw error
  }
}

/** The bytes main sent as base64 (IPC payloads are JSON-safe). */
export function fromBase64(data: string): Uint8Array {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index)
  return bytes
}
