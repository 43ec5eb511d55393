import { describe, expect, it } from 'vitest'
import {
  amountExample,
  formatAmountInput,
  localeDecimalMark,
  parseLocaleAmount
} from '../../../renderer/src/features/invoices/parseLocaleAmount'

describe('amounts typed in the person’s locale', () => {
  it('knows the decimal mark of a locale', () => {
    expect(localeDecimalMark('de-DE')).toBe(',')
    expect(localeDecimalMark('en-AU')).toBe('.')
  })

  it('reads text that reads only one way the same in every locale', () => {
    for (const locale of ['de-DE', 'en-AU']) {
      expect(parseLocaleAmount('1.234,56', locale)).toBe('1234.56')
      expect(parseLocaleAmount('1,234.56', locale)).toBe('1234.56')
      expect(parseLocaleAmount('£5,385.27', locale)).toBe('5385.27')
    }
  })

  it('reads an ambiguous "1,234" by the locale’s own decimal mark', () => {
    expect(parseLocaleAmount('1,234', 'de-DE')).toBe('1.234')
    expect(parseLocaleAmount('1,234', 'en-AU')).toBe('1234')
  })

  it('is null for text that is not an amount', () => {
    expect(parseLocaleAmount('north', 'en-AU')).toBeNull()
    expect(parseLocaleAmount('', 'en-AU')).toBeNull()
  })

  it('writes an exact decimal back as the person would type it, never through a float', () => {
    expect(formatAmountInput('1234.5', 'de-DE')).toBe('1234,5')
    expect(formatAmountInput('12345678901234.5678', 'en-AU')).toBe('12345678901234.5678')
    expect(amountExample('de-DE')).toBe('1.234,56')
  })
})
