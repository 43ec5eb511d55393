import { readAmount } from '../../../../preload/contract/amount-text'

/** The user's own decimal mark, from Intl: "," in de-DE, "." in en-AU. */
export function localeDecimalMark(locale?: string): '.' | ',' {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')
  return part?.value === ',' ? ',' : '.'
}

/**
 * An amount typed in the user's locale ("1.234,56" in Germany, "1,234.56" in Australia) as an
 * exact decimal string, or null when it is not one. Text that reads only one way is taken that
 * way whatever the locale; "1,234" is read by the locale's own decimal mark.
 */
export function parseLocaleAmount(text: string, locale?: string): string | null {
  const readings = readAmount(text)
  if (readings.length <= 1) return readings[0]?.decimal ?? null
  const mark = localeDecimalMark(locale)
  return (readings.find((reading) => reading.decimalMark === mark) ?? readings.find((reading) => reading.decimalMark === null))!.decimal
}

/** An exact decimal as the user would type it back ("1234.5" → "1234,5" in Germany). */
export function formatAmountInput(decimal: string, locale?: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(decimal as Intl.StringNumericLiteral)
}

/** How the user would write 1,234.56 here, for placeholders and hints. */
export function amountExample(locale?: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format('1234.56' as Intl.StringNumericLiteral)
}
