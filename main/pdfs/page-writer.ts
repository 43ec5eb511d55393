/**
 * A small flowing-layout helper over pdf-lib: a cursor that moves down the page, word-wrapped
 * text, and a new page when the next block would not fit. Coordinates are PDF points with y
 * measured from the top of the page, which is how a layout is read and written.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib'
import { printable } from './invoice-text'

export const A4: [number, number] = [595.28, 841.89]
export const MARGIN = 48
export const INK = rgb(0.11, 0.12, 0.14)
export const MUTED = rgb(0.36, 0.39, 0.43)
export const RULE = rgb(0.82, 0.84, 0.87)

export interface Fonts {
  regular: PDFFont
  bold: PDFFont
}

export interface TextStyle {
  size?: number
  bold?: boolean
  color?: RGB
}

export class PageWriter {
  page!: PDFPage
  /** Distance from the top edge to where the next line starts. */
  y = MARGIN
  /** Whether any character could not be drawn and was replaced. */
  lostCharacters = false
  private readonly charset: Set<number>

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    /** Space kept free at the bottom of each page (for the footer). */
    private readonly bottomReserve: number,
    private readonly onNewPage: (writer: PageWriter) => void
  ) {
    const regular = new Set(fonts.regular.getCharacterSet())
    this.charset = new Set(fonts.bold.getCharacterSet().filter((code) => regular.has(code)))
    this.newPage()
  }

  get width(): number {
    return A4[0] - 2 * MARGIN
  }

  newPage(): void {
    this.page = this.doc.addPage(A4)
    this.y = MARGIN
    this.onNewPage(this)
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > A4[1] - this.bottomReserve) this.newPage()
  }

  clean(text: string): string {
    const result = printable(text, this.charset)
    if (result.lost) this.lostCharacters = true
    return result.text
  }

  font(style: TextStyle): PDFFont {
    return style.bold ? this.fonts.bold : this.fonts.regular
  }

  measure(text: string, style: TextStyle = {}): number {
    return this.font(style).widthOfTextAtSize(this.clean(text), style.size ?? 10)
  }

  /** One line at (x, this.y) without moving the cursor; `align: 'right'` puts its end at x. */
  put(text: string, x: number, style: TextStyle = {}, align: 'left' | 'right' = 'left'): void {
    const size = style.size ?? 10
    const clean = this.clean(text)
    const width = this.font(style).widthOfTextAtSize(clean, size)
    this.page.drawText(clean, {
      x: align === 'right' ? x - width : x,
      y: A4[1] - this.y - size,
      size,
      font: this.font(style),
      color: style.color ?? INK
    })
  }

  /**
   * Lines of `text` that fit `width`, breaking at spaces and, for a word too long for a line, inside it.
   * Shaping a run with the embedded font is costly, so each word is measured once and a line's
   * width is the sum of its words and spaces (the font substitutes no glyphs across a space).
   */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    const size = style.size ?? 10
    const font = this.font(style)
    const widthOf = (run: string): number => font.widthOfTextAtSize(run, size)
    const space = widthOf(' ')
    const lines: string[] = []
    let line = ''
    let lineWidth = 0
    for (const word of this.clean(text).split(' ')) {
      const wordWidth = widthOf(word)
      const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth
      if (candidateWidth <= width) {
        line = line ? `${line} ${word}` : word
        lineWidth = candidateWidth
        continue
      }
      if (line) lines.push(line)
      const pieces = wordWidth <= width ? [word] : splitWord(word, (run) => widthOf(run) <= width)
      line = pieces.pop()!
      lines.push(...pieces)
      lineWidth = widthOf(line)
    }
    if (line || lines.length === 0) lines.push(line)
    return lines
  }

  /** Wrapped text at x, moving the cursor below it. */
  paragraph(text: string, x: number, width: number, style: TextStyle = {}): void {
    const size = style.size ?? 10
    for (const line of this.wrap(text, width, style)) {
      this.ensure(size * 1.4)
      this.put(line, x, style)
      this.y += size * 1.4
    }
  }

  rule(x = MARGIN, width = this.width, color = RULE): void {
    this.page.drawLine({ start: { x, y: A4[1] - this.y }, end: { x: x + width, y: A4[1] - this.y }, thickness: 0.6, color })
  }

  box(x: number, top: number, width: number, height: number, fill: RGB, border?: RGB): void {
    this.page.drawRectangle({
      x,
      y: A4[1] - top - height,
      width,
      height,
      color: fill,
      ...(border ? { borderColor: border, borderWidth: 0.8 } : {})
    })
  }
}

/**
 * A word too wide for a line, cut into the longest pieces that fit (at least one character
 * each), found by bisection since every measurement shapes the run. Cuts fall between code
 * points, never inside a surrogate pair.
 */
function splitWord(word: string, fits: (run: string) => boolean): string[] {
  const chars = Array.from(word)
  const pieces: string[] = []
  while (chars.length > 1 && !fits(chars.join(''))) {
    let longest = 1
    let tooLong = chars.length
    while (tooLong - longest > 1) {
      const middle = Math.floor((longest + tooLong) / 2)
      if (fits(chars.slice(0, middle).join(''))) longest = middle
      else tooLong = middle
    }
    pieces.push(chars.splice(0, longest).join(''))
  }
  pieces.push(chars.join(''))
  return pieces
}
