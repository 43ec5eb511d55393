import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, lastMonths, monthRange } from '../../main/reports/calendar'

describe('report calendar', () => {
  it('counts whole days across leap days and year ends', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1)
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9)
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04')
  })

  it('lists the last months oldest first, across a year end', () => {
    expect(lastMonths('2027-02-14', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(lastMonths('2026-06-01', 12)).toHaveLength(12)
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })
})
