/**
 * Exact money. Amounts are kept as the provider's decimal text and, for sorting and summing, as
 * an integer count of 1/10,000ths (SCALE). Four places cover every ISO 4217 minor unit; a value
 * with more places keeps its exact text, and only its sort key is rounded (half away from zero).
 */
export const SCALE_DIGITS = 4
const SCALE = 10n ** BigInt(SCALE_DIGITS)
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text)
}

/** "1234.5" → 12345000n. Throws on anything that is not a plain decimal. */
export function toScaled(text: string): bigint {
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`)
  const [, sign, whole = '0', fraction = ''] = match
  const kept = fraction.slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0')
  let scaled = BigInt(whole) * SCALE + BigInt(kept)
  if (fraction.length > SCALE_DIGITS && Number(fraction[SCALE_DIGITS]) >= 5) scaled += 1n
  return sign ? -scaled : scaled
}

/** 12345000n → "1234.50": at least `minFraction` places, trailing zeros beyond that trimmed. */
export function fromScaled(scaled: bigint, minFraction = 2): string {
  const negative = scaled < 0n
  const abs = negative ? -scaled : scaled
  const whole = abs / SCALE
  let fraction = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0')
  while (fraction.length > minFraction && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  const text = fraction.length > 0 ? `${whole}.${fraction}` : `${whole}`
  return negative && abs !== 0n ? `-${text}` : text
}

/** Canonical form of a provider's decimal text ("007.50" → "7.50", "-0" → "0"), digits as given. */
export function normalizeDecimal(text: string): string {
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`)
  const [, sign, whole = '0', fraction] = match
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '')
  const isZero = /^0+$/.test(trimmedWhole + (fraction ?? ''))
  return `${sign && !isZero ? '-' : ''}${trimmedWhole}${fraction === undefined ? '' : `.${fraction}`}`
}

export function subtract(a: string, b: string): string {
  return fromScaled(toScaled(a) - toScaled(b))
}

export function add(a: string, b: string): string {
  return fromScaled(toScaled(a) + toScaled(b))
}

/**
 * A JSON number (already a double after JSON.parse) as exact decimal text. ECMAScript's
 * Number::toString gives the shortest text that round-trips the double, which is the text the
 * provider wrote for any amount of up to 15 significant digits: every real invoice amount. We
 * take that text deliberately rather than reparsing the body; exponent forms are expanded.
 */
export function decimalFromJsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`)
  const text = String(value)
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!exponent) return normalizeDecimal(text)
  const [, sign = '', whole = '', fraction = '', power = '0'] = exponent
  const digits = whole + fraction
  const point = whole.length + Number(power)
  const expanded =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`
  return normalizeDecimal(`${sign}${expanded}`)
}

/** An amount counted in minor units ("12345" cents) in major units ("123.45"), by moving the point: exact. */
export function fromMinorUnits(text: string, minorDigits: number): string {
  const match = DECIMAL.exec(text)
  if (!match) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`)
  const [, sign = '', whole = '0', fraction = ''] = match
  const digits = whole.padStart(minorDigits + 1, '0')
  const point = digits.length - minorDigits
  const shiftedFraction = `${digits.slice(point)}${fraction}`
  return normalizeDecimal(`${sign}${digits.slice(0, point)}${shiftedFraction ? `.${shiftedFraction}` : ''}`)
}
