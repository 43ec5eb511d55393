import { describe, expect, it } from 'vitest'
import { formatMoney, formatMoneyHidden } from '../../renderer/src/lib/format'

describe('amounts while hidden', () => {
  it('keep the currency as the locale places it and lose every digit', () => {
    for (const currency of ['EUR', 'USD', 'JPY', 'GBP', 'CHF']) {
      const hidden = formatMoneyHidden(currency)
      expect(hidden, currency).not.toMatch(/\d/)
      expect(hidden, currency).toContain('•••••')
      // The symbol or code is the one the shown amount carries.
      const shown = formatMoney('1234.5', currency).replace(/[\d.,\s\u00a0\u202f'’]/g, '')
      expect(hidden.replace(/[•\s\u00a0\u202f]/g, ''), currency).toBe(shown)
    }
  })

  it('say the code when Intl does not know the currency', () => {
    expect(formatMoneyHidden('XQQ')).toBe('••••• XQQ')
    expect(formatMoneyHidden('')).toBe('•••••')
  })
})

describe('amounts as shown', () => {
  it('keep every place an amount has, and the currency’s usual places at least', () => {
    expect(formatMoney('803.7228', 'USD')).toBe('$803.7228')
    expect(formatMoney('803.70', 'USD')).toBe('$803.70')
    expect(formatMoney('1200', 'JPY')).toBe('¥1,200')
    expect(formatMoney('1200.5', 'JPY')).toBe('¥1,200.5')
    expect(formatMoney('-0.000000000001', 'EUR')).toBe('-€0.000000000001')
  })
})
