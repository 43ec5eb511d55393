/**
 * The fonts of a generated invoice PDF: DejaVu Sans, which covers Latin with all its European
 * accents, Greek and Cyrillic (the standard PDF fonts print only Western European text). Only
 * the glyphs a document uses are embedded, under names that depend only on the document's
 * data, so the same invoice still renders to the same bytes.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument } from 'pdf-lib'
import type { Fonts } from './page-writer'

/** Each face's PostScript name, which is also its file name in the package. */
const FACES: Record<keyof Fonts, string> = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' }

// Resolved like a module, from node_modules beside this code: the same lookup finds the package
// under tsx and vitest, and inside app.asar once electron-vite has bundled main with its
// dependencies left external.
const resolvePackaged = createRequire(import.meta.url).resolve
const loaded = new Map<keyof Fonts, Uint8Array>()

function fontBytes(face: keyof Fonts): Uint8Array {
  let bytes = loaded.get(face)
  if (!bytes) {
    bytes = readFileSync(resolvePackaged(`dejavu-fonts-ttf/ttf/${FACES[face]}.ttf`))
    loaded.set(face, bytes)
  }
  return bytes
}

/**
 * Left to itself, pdf-lib names a subset "DejaVuSans-1234" with a number from its random
 * generator, whose seeding is its own business. Named here instead, in the PDF's own form for a
 * subset ("ABCDEF+DejaVuSans", PDF 32000 §9.6.4), with a six-letter tag from a hash of the face
 * and the document's data: the same for the same invoice, and unlikely to collide with another
 * invoice's subset if two generated PDFs are ever merged into one file.
 */
function subsetName(face: keyof Fonts, documentKey: string): string {
  const hex = createHash('sha256').update(`${face}\0${documentKey}`).digest('hex')
  const tag = Array.from(hex.slice(0, 6), (digit) => String.fromCharCode(65 + Number.parseInt(digit, 16))).join('')
  return `${tag}+${FACES[face]}`
}

// pdf-lib draws every glyph at its own advance and never reads the positions shaping computes,
// so the positioning features only cost time (a quarter of a long invoice's rendering).
const UNUSED_POSITIONING = { kern: false, mark: false, mkmk: false }

/** Embeds both faces, subset to the glyphs drawn; `documentKey` is what the document is rendered from. */
export async function embedUnicodeFonts(doc: PDFDocument, documentKey: string): Promise<Fonts> {
  doc.registerFontkit(fontkit)
  const embed = (face: keyof Fonts) =>
    doc.embedFont(fontBytes(face), { subset: true, customName: subsetName(face, documentKey), features: UNUSED_POSITIONING })
  return { regular: await embed('regular'), bold: await embed('bold') }
}
