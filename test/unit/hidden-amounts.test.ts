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
