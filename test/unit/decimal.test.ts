import { describe, expect, it } from 'vitest'
import { add, fromScaled, normalizeDecimal, subtract, toScaled } from '../../main/money/decimal'

describe('exact decimal money', () => {
  it('round-trips provider decimals through the scaled integer', () => {
    expect(toScaled('1234.5')).toBe(12_345_000n)
    expect(toScaled('-0.01')).toBe(-100n)
    expect(fromScaled(12_345_000n)).toBe('1234.50')
    expect(fromScaled(-100n)).toBe('-0.01')
    expect(fromScaled(123_456n)).toBe('12.3456')
  })

  it('sums without the float error that 0.1 + 0.2 has', () => {
    expect(add('0.10', '0.20')).toBe('0.30')
    const many = Array.from({ length: 10_000 }, () => '0.01').reduce((sum, x) => sum + toScaled(x), 0n)
    expect(fromScaled(many)).toBe('100.00')
  })

  it('keeps amounts beyond 2^53 exact', () => {
    expect(fromScaled(toScaled('9007199254740993.27'))).toBe('9007199254740993.27')
  })

  it('rounds only the sort key of amounts with more than four places, half away from zero', () => {
    expect(toScaled('0.00005')).toBe(1n)
    expect(toScaled('-0.00005')).toBe(-1n)
    expect(toScaled('0.00004')).toBe(0n)
  })

  it('normalizes text without changing its value', () => {
    expect(normalizeDecimal('007.50')).toBe('7.50')
    expect(normalizeDecimal('941300')).toBe('941300')
    expect(normalizeDecimal('-0.00')).toBe('0.00')
    expect(normalizeDecimal('12.345')).toBe('12.345')
    expect(subtract('100.00', '99.99')).toBe('0.01')
  })

  it('rejects anything that is not a plain decimal', () => {
    for (const bad of ['1e3', '', '1,5', ' 1', 'NaN', '0x10', '1.']) expect(() => toScaled(bad), bad).toThrow(RangeError)
  })
})

describe('JSON numbers as exact decimals', () => {
  it('recovers the text the provider wrote, not the binary expansion', async () => {
    const { decimalFromJsonNumber } = await import('../../main/money/decimal')
    const parsed = JSON.parse('[0.1, 1.005, 193.99, 1234567.89, 100, -12.5, 1e-7, 2e21, 0.30000000000000004]') as number[]
    expect(parsed.map(decimalFromJsonNumber)).toEqual([
      '0.1',
      '1.005',
      '193.99',
      '1234567.89',
      '100',
      '-12.5',
      '0.0000001',
      '2000000000000000000000',
      '0.30000000000000004'
    ])
    expect(() => decimalFromJsonNumber(Number.NaN)).toThrow(RangeError)
  })
})
