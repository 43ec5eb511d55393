import { describe, expect, it } from 'vitest'
import { readAmount } from '../../preload/contract/amount-text'
import { searchTerms } from '../../main/db/fts-query'

const decimals = (text: string): string[] => readAmount(text).map((reading) => reading.decimal)

describe('amounts as people type them', () => {
  it('reads both conventions exactly, with grouping, signs and currency signs', () => {
    expect(decimals('1,234.56')).toEqual(['1234.56'])
    expect(decimals('1.234,56')).toEqual(['1234.56'])
    expect(decimals('1.234.567,89')).toEqual(['1234567.89'])
    expect(decimals('1,234,567')).toEqual(['1234567'])
    expect(decimals('€1.234,56')).toEqual(['1234.56'])
    expect(decimals('1 234,56 €')).toEqual(['1234.56'])
    expect(decimals("1'234.50")).toEqual(['1234.50'])
    expect(decimals('-12,5')).toEqual(['-12.5'])
    expect(decimals('0,05')).toEqual(['0.05'])
    expect(decimals('1234.5678')).toEqual(['1234.5678'])
  })

  it('gives both readings when one mark with three digits after it could be either', () => {
    expect(readAmount('1,234')).toEqual([
      { decimal: '1234', decimalMark: null },
      { decimal: '1.234', decimalMark: ',' }
    ])
    expect(decimals('1.234')).toEqual(['1234', '1.234'])
    // Four digits before the mark cannot be a group: only the decimal reading is left.
    expect(decimals('1234,567')).toEqual(['1234.567'])
  })

  it('reads nothing into identifiers, words or broken grouping', () => {
    for (const text of ['0042', 'INV-0042', 'abc', '1,2,3', '12,34.56', '1.234,567.8', '12.', '', '-', '1..2'])
      expect(decimals(text), text).toEqual([])
  })

  it('lets an amount in a search match a total or the same digits as text', () => {
    const terms = searchTerms('acme 1.234,56')
    expect(terms.match).toBe('"acme"*')
    // Rounded to the cents typed: 1234.555 up to 1234.5649.
    expect(terms.amounts).toEqual([{ ranges: [[12345550n, 12345649n]], match: '"1.234,56"*', numberSuffix: null }])
    // A whole number: its whole part (1234.00–1234.9999) or what rounds to it (from 1233.50); or 1.234, rounded at three places.
    expect(searchTerms('1,234').amounts[0]!.ranges).toEqual([
      [12335000n, 12349999n],
      [12335n, 12344n]
    ])
    // More places than the cache keeps cannot equal any total: text only.
    expect(searchTerms('0.123456').amounts).toEqual([])
  })
})
