/** A small seeded PRNG (mulberry32): the same seed gives the same dataset on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** Cents as an exact decimal string: 123456 → "1234.56". */
export function centsToDecimal(cents: number, fractionDigits = 2): string {
  if (fractionDigits === 0) return String(cents)
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  const unit = 10 ** fractionDigits
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(fractionDigits, '0')}`
}
