import { describe, expect, it } from 'vitest'
import { formatLocaleDate, localeDateOrder, parseLocaleDate } from '../../../renderer/src/lib/localeDate'

const gb = localeDateOrder('en-GB')
const us = localeDateOrder('en-US')
const de = localeDateOrder('de-DE')
const iso = (text: string, order = gb): string | null => {
  const parsed = parseLocaleDate(text, order)
  return parsed.ok ? parsed.iso : null
}

describe('the order a locale writes dates in', () => {
  it('day first in en-GB and de-DE, month first in en-US, year first in ja-JP and sv-SE', () => {
    expect(gb).toMatchObject({ parts: ['day', 'month', 'year'], separator: '/', pattern: 'dd/mm/yyyy' })
    expect(de).toMatchObject({ parts: ['day', 'month', 'year'], separator: '.', pattern: 'dd.mm.yyyy' })
    expect(us).toMatchObject({ parts: ['month', 'day', 'year'], separator: '/', pattern: 'mm/dd/yyyy' })
    expect(localeDateOrder('ja-JP').parts).toEqual(['year', 'month', 'day'])
    expect(localeDateOrder('sv-SE').pattern).toBe('yyyy-mm-dd')
  })

  it('shows an ISO date the way the locale writes it, with Latin digits', () => {
    expect(formatLocaleDate('2025-03-31', gb)).toBe('31/03/2025')
    expect(formatLocaleDate('2025-03-31', de)).toBe('31.03.2025')
    expect(formatLocaleDate('2025-03-31', us)).toBe('03/31/2025')
    expect(formatLocaleDate('2025-03-31', localeDateOrder('ar-EG'))).toBe('31/03/2025')
    expect(formatLocaleDate('not a date', gb)).toBe('not a date')
  })
})

describe('reading a typed date', () => {
  it('follows the locale: 03/04/2025 is 3 April in en-GB and 4 March in en-US', () => {
    expect(iso('03/04/2025', gb)).toBe('2025-04-03')
    expect(iso('03/04/2025', us)).toBe('2025-03-04')
    expect(iso('31.03.2025', de)).toBe('2025-03-31')
  })

  it('takes ISO and four-digit-year-first dates in any locale', () => {
    expect(iso('2025-03-31', us)).toBe('2025-03-31')
    expect(iso('2025/03/31', gb)).toBe('2025-03-31')
    expect(iso('2025-3-5', de)).toBe('2025-03-05')
  })

  it('takes any of / . - or spaces between the parts, single digits, and the locale’s own ending', () => {
    expect(iso('31-03-2025')).toBe('2025-03-31')
    expect(iso('31.3.2025')).toBe('2025-03-31')
    expect(iso(' 1 3 2025 ')).toBe('2025-03-01')
    expect(iso('2025. 03. 31.', localeDateOrder('ko-KR'))).toBe('2025-03-31')
    expect(iso('31.03.2025 г.', localeDateOrder('bg-BG'))).toBe('2025-03-31')
    expect(iso(formatLocaleDate('2025-03-31', localeDateOrder('ar-EG')), localeDateOrder('ar-EG'))).toBe('2025-03-31')
  })

  it('reads a two-digit year as 2000–2099, and says it may still be being typed', () => {
    expect(parseLocaleDate('31/03/25', gb)).toEqual({ ok: true, iso: '2025-03-31', complete: false })
    expect(parseLocaleDate('31/03/99', gb)).toMatchObject({ iso: '2099-03-31' })
    expect(parseLocaleDate('31/03/2025', gb)).toEqual({ ok: true, iso: '2025-03-31', complete: true })
  })

  it('refuses days a month does not have instead of rolling them over', () => {
    expect(parseLocaleDate('31/02/2025', gb)).toEqual({ ok: false, error: 'February 2025 has no day 31' })
    expect(parseLocaleDate('31.02.2025', de)).toEqual({ ok: false, error: 'February 2025 has no day 31' })
    expect(iso('29/02/2025')).toBeNull()
    expect(iso('29/02/2024')).toBe('2024-02-29')
    expect(iso('29/02/2000')).toBe('2000-02-29')
    expect(iso('29/02/2100')).toBeNull()
    expect(iso('31/04/2025')).toBeNull()
    expect(iso('00/03/2025')).toBeNull()
  })

  it('refuses a month past 12 — the sign of the other order — saying which order it wants', () => {
    const parsed = parseLocaleDate('03/31/2025', gb)
    expect(parsed).toEqual({ ok: false, error: 'There is no month 31: type the date as dd/mm/yyyy' })
  })

  it('refuses anything that is not three numbers, with an example in the locale’s order', () => {
    for (const text of ['31/03', '31/03/202', '31/03/20255', 'tomorrow', '31/03/2025/1', '2025-03', '31//03//2025x']) {
      expect(parseLocaleDate(text, gb), text).toEqual({ ok: false, error: 'Type the date as dd/mm/yyyy, for example 31/03/2025' })
    }
    expect(parseLocaleDate('1.2', de)).toEqual({ ok: false, error: 'Type the date as dd.mm.yyyy, for example 31.03.2025' })
  })
})
