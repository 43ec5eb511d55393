import { describe, expect, it } from 'vitest'
import { DATE_PRESETS, matchingPreset, presetRange, type DatePreset } from '../../../renderer/src/features/invoices/datePresets'

/** A moment on the local calendar, as the renderer's clock gives it; late in the day on purpose. */
const at = (y: number, m: number, d: number): Date => new Date(y, m - 1, d, 23, 30)
const ranges = (now: Date): Record<DatePreset, string> =>
  Object.fromEntries(DATE_PRESETS.map(({ id }) => [id, Object.values(presetRange(id, now)).join(' … ')])) as Record<DatePreset, string>

describe('issue-date presets on the local calendar', () => {
  it('mid-year: whole months and quarters, the year to today, and the year up to today', () => {
    expect(ranges(at(2026, 5, 14))).toEqual({
      thisMonth: '2026-05-01 … 2026-05-31',
      lastMonth: '2026-04-01 … 2026-04-30',
      thisQuarter: '2026-04-01 … 2026-06-30',
      lastQuarter: '2026-01-01 … 2026-03-31',
      yearToDate: '2026-01-01 … 2026-05-14',
      last12Months: '2025-05-15 … 2026-05-14'
    })
  })

  it('in January, last month and last quarter are in the previous year', () => {
    expect(ranges(at(2026, 1, 1))).toEqual({
      thisMonth: '2026-01-01 … 2026-01-31',
      lastMonth: '2025-12-01 … 2025-12-31',
      thisQuarter: '2026-01-01 … 2026-03-31',
      lastQuarter: '2025-10-01 … 2025-12-31',
      yearToDate: '2026-01-01 … 2026-01-01',
      last12Months: '2025-01-02 … 2026-01-01'
    })
  })

  it('on the last day of a year and of a quarter', () => {
    expect(ranges(at(2026, 12, 31))).toMatchObject({
      thisMonth: '2026-12-01 … 2026-12-31',
      lastMonth: '2026-11-01 … 2026-11-30',
      thisQuarter: '2026-10-01 … 2026-12-31',
      lastQuarter: '2026-07-01 … 2026-09-30',
      yearToDate: '2026-01-01 … 2026-12-31',
      last12Months: '2026-01-01 … 2026-12-31'
    })
    expect(ranges(at(2026, 3, 31))).toMatchObject({ thisQuarter: '2026-01-01 … 2026-03-31', lastMonth: '2026-02-01 … 2026-02-28' })
    expect(ranges(at(2026, 4, 1))).toMatchObject({ thisQuarter: '2026-04-01 … 2026-06-30', lastQuarter: '2026-01-01 … 2026-03-31' })
  })

  it('knows leap years: February has 29 days, and a year before 29 February ends on the 28th', () => {
    expect(ranges(at(2028, 3, 10))).toMatchObject({ lastMonth: '2028-02-01 … 2028-02-29' })
    expect(ranges(at(2028, 2, 29))).toMatchObject({ thisMonth: '2028-02-01 … 2028-02-29', last12Months: '2027-03-01 … 2028-02-29' })
    expect(ranges(at(2029, 2, 28))).toMatchObject({ last12Months: '2028-02-29 … 2029-02-28' })
  })

  it('names the preset a range is today, and none for any other range', () => {
    const now = at(2026, 5, 14)
    expect(matchingPreset({ from: '2026-04-01', to: '2026-06-30' }, now)).toBe('thisQuarter')
    expect(matchingPreset({ from: '2026-04-01', to: '2026-06-29' }, now)).toBeNull()
    expect(matchingPreset({ from: '', to: '' }, now)).toBeNull()
  })
})
