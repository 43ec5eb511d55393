import { describe, expect, it } from 'vitest'
import { checkPdfText } from '../../main/pdfs/pdf-check'

const invoice = { number: 'INV-0042', total: '12345.60', currency: 'EUR' }

describe('checking a provider PDF’s text against the synced data', () => {
  it.each([
    ['grouped with commas and a currency sign', 'Invoice INV-0042 … Total due: €12,345.60'],
    ['a decimal comma and dot grouping', 'Rechnung INV-0042 Gesamtbetrag 12.345,60 EUR'],
    ['grouped by narrow spaces', 'Facture INV-0042 Total TTC 12\u202f345,60 €'],
    ['no grouping, the number split across text runs', 'Invoice INV- 0042\nTotal 12345.6'],
    ['a credit note printed with a minus sign', 'INV-0042 Total -12,345.60']
  ])('passes %s', (_, text) => {
    expect(checkPdfText(text, invoice)).toMatchObject({ outcome: 'match', numberFound: true, totalFound: true, detail: null })
  })

  it('names the figure a total in the wrong unit shows', () => {
    const finding = checkPdfText('Invoice INV-0042 Total due: 1,234,560.00 EUR', invoice)
    expect(finding).toMatchObject({ outcome: 'mismatch', numberFound: true, totalFound: false, pdfShows: '1,234,560.00' })
    expect(finding.detail).toBe('The provider’s PDF shows 1,234,560.00; Quire has 12345.60 EUR.')
    expect(checkPdfText('Invoice INV-0042 Total 123.456', invoice).pdfShows).toBe('123.456')
  })

  it('says when the total or the number is not printed at all', () => {
    expect(checkPdfText('Invoice INV-0042 Total 99.00', invoice)).toMatchObject({
      outcome: 'mismatch',
      pdfShows: null,
      detail: 'The provider’s PDF does not print the total 12345.60 EUR anywhere.'
    })
    expect(checkPdfText('Invoice INV-0043 Total 12,345.60', invoice)).toMatchObject({
      outcome: 'mismatch',
      numberFound: false,
      totalFound: true,
      detail: 'The provider’s PDF does not print the invoice number INV-0042.'
    })
    // "Qty 2 12.00" is not read as 212: spaces group only threes.
    expect(checkPdfText('INV-0042 Qty 2 12.00', { ...invoice, total: '212.00' }).totalFound).toBe(false)
  })

  it('checks only the total when the invoice has no number', () => {
    expect(checkPdfText('Total 12,345.60', { ...invoice, number: null })).toMatchObject({ outcome: 'match', numberFound: null })
  })
})
