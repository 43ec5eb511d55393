import { PDFDocument } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import type { InvoiceDetail } from '../../preload/contract'
import { formatAmount, printable } from '../../main/pdfs/invoice-text'
import { PageWriter } from '../../main/pdfs/page-writer'
import { renderInvoicePdf } from '../../main/pdfs/render-invoice-pdf'
import { embedUnicodeFonts } from '../../main/pdfs/unicode-font'

const LOST_NOTE = 'Some characters cannot be printed'

function invoice(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    accountId: 'acc-1',
    account: 'Biuro Kraków',
    provider: 'hoursmith',
    remoteId: 'inv-1001',
    number: 'FV/2026/03/0042',
    status: 'open',
    rawStatus: 'sent',
    paymentStatus: null,
    counterparty: 'Łódź Dvořák sp. z o.o.',
    currency: 'PLN',
    total: '1230.00',
    paid: '0',
    balance: '1230.00',
    daysOverdue: null,
    issueDate: '2026-03-01',
    dueDate: '2026-03-15',
    dueDateDerived: false,
    paidAt: null,
    sentAt: null,
    removed: false,
    lineItemCount: 3,
    hasPdf: false,
    flags: [],
    notes: 'Płatność przelewem — dziękujemy.',
    subtotal: '1000.00',
    discount: null,
    tax: '230.00',
    periodStart: null,
    periodEnd: null,
    remoteCreatedAt: '2026-03-01T08:00:00Z',
    remoteUpdatedAt: '2026-03-01T08:05:00Z',
    syncedAt: '2026-03-02T10:00:00.000Z',
    lineItems: [
      { position: 0, description: 'Київ — консультації з податків', quantity: '4', unitPrice: '150', amount: '600' },
      { position: 1, description: 'Αθήνα: office visit, İstanbul șantier', quantity: '1', unitPrice: '400', amount: '400' }
    ],
    history: [],
    rawJson: '{}',
    pdfCheck: null,
    ...overrides
  }
}

const render = (detail: InvoiceDetail, locale = 'en-GB'): Promise<Uint8Array> =>
  renderInvoicePdf(detail, { providerLabel: 'Hoursmith', locale })

/** The text the app's own viewer (pdf.js) reads, page by page, with runs of white space as one space. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: pdf.slice(), isEvalSupported: false }).promise
  const pages: string[] = []
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  await document.destroy()
  return pages.join(' ').replace(/\s+/g, ' ')
}

/** The names the fonts are embedded under (object streams are off, so dictionaries are plain text). */
const baseFonts = (pdf: Uint8Array): string[] =>
  [
    ...new Set(
      Array.from(
        Buffer.from(pdf)
          .toString('latin1')
          .matchAll(/\/BaseFont \/([^\s/>]+)/g),
        (match) => match[1]!
      )
    )
  ].sort()

describe('generated invoice PDFs print every script a European finance team meets', () => {
  it('keeps Polish, Czech, Turkish, Romanian, Ukrainian and Greek text exactly, with no note', async () => {
    const text = await textOf(await render(invoice()))
    for (const written of [
      'Łódź Dvořák sp. z o.o.',
      'Biuro Kraków',
      'Київ — консультації з податків',
      'Αθήνα: office visit, İstanbul șantier',
      'Płatność przelewem — dziękujemy.',
      'FV/2026/03/0042'
    ]) {
      expect(text).toContain(written)
    }
    expect(text).not.toContain('?')
    expect(text).not.toContain(LOST_NOTE)
  })

  it('prints a stated discount between subtotal and tax, so the breakdown adds up to the total', async () => {
    const text = await textOf(
      await render(invoice({ currency: 'GBP', subtotal: '1100.00', discount: '100.00', tax: '230.00', total: '1230.00' }))
    )
    expect(text).toMatch(/Subtotal £1,100\.00 Discount −£100\.00 Tax £230\.00 Total \(GBP\) £1,230\.00/)
    expect(await textOf(await render(invoice()))).not.toContain('Discount')
  })

  it('prints amounts as French and Ukrainian locales write them, narrow spaces and ₴ included', async () => {
    for (const [locale, currency] of [
      ['fr-FR', 'EUR'],
      ['uk-UA', 'UAH']
    ] as const) {
      const text = await textOf(await render(invoice({ currency, total: '-1234567.5' }), locale))
      expect(text, locale).toContain(formatAmount('-1234567.5', currency, locale).replace(/\s+/g, ' '))
      expect(text, locale).not.toContain(LOST_NOTE)
    }
  })

  it('shows what even the embedded font lacks as “?” and says so on the page', async () => {
    const text = await textOf(await render(invoice({ counterparty: '東京 Trading K.K. 🦄' })))
    expect(text).toContain('?? Trading K.K. ?')
    expect(text).toContain(`${LOST_NOTE} with this document’s fonts and are shown as “?”.`)
    expect(text).toContain('Київ — консультації з податків')
  })

  it('wraps a long description onto lines that keep every word', async () => {
    const words = Array.from({ length: 60 }, (_, index) => `Дніпро-${index}`).join(' ')
    const text = await textOf(
      await render(
        invoice({ lineItems: [{ position: 0, description: `${words} ${'😀'.repeat(120)}`, quantity: '1', unitPrice: '1', amount: '1' }] })
      )
    )
    expect(text).toContain(words)
    expect(text.replace(/ /g, '')).toContain('😀'.repeat(120))
    expect(text).not.toContain(LOST_NOTE)
  })

  it('renders the same data to the same bytes, with subset fonts named from the data', async () => {
    const [first, second] = [await render(invoice()), await render(invoice())]
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
    const names = baseFonts(first)
    expect(names).toHaveLength(2)
    // Both faces, each under a six-letter subset tag; their order in the file follows the tags, which follow the data.
    expect(names.every((name) => /^[A-Z]{6}\+/.test(name))).toBe(true)
    expect(names.map((name) => name.slice(7)).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold'])
    expect(baseFonts(await render(invoice({ total: '1230.01' })))).not.toEqual(names)
    // Only the glyphs drawn are embedded: the two whole faces are some 1.4 MB.
    expect(first.length).toBeLessThan(60_000)
  })
})

describe('printable', () => {
  it('replaces each character the font lacks with one “?” and reports it', () => {
    const latin = new Set(Array.from('12 ?', (char) => char.codePointAt(0)!))
    expect(printable('12\n東京 😀', latin)).toEqual({ text: '12 ?? ?', lost: true })
    expect(printable('1\t2', latin)).toEqual({ text: '1 2', lost: false })
  })
})

describe('PageWriter.wrap with the embedded font', () => {
  /** Well-formed UTF-16: no surrogate without its partner. */
  const WHOLE_CHARACTERS = /^(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\uD800-\uDFFF])*$/

  it('keeps each line within its width and cuts an overlong word between characters, never inside one', async () => {
    const doc = await PDFDocument.create()
    const writer = new PageWriter(doc, await embedUnicodeFonts(doc, 'wrap test'), 40, () => {})
    const text = `Łódź ${'😀'.repeat(40)} Київ Αθήνα office`
    for (let width = 30; width <= 400; width += 7) {
      const lines = writer.wrap(text, width, { size: 9.5 })
      expect(lines.join('').replace(/ /g, ''), `width ${width}`).toBe(text.replace(/ /g, ''))
      for (const line of lines) {
        expect(line, `width ${width}`).toMatch(WHOLE_CHARACTERS)
        if (Array.from(line).length > 1) expect(writer.measure(line, { size: 9.5 }), `width ${width}: ${line}`).toBeLessThanOrEqual(width)
      }
    }
  })
})
