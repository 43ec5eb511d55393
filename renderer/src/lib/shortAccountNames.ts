/** Characters that end a word in an account name: "Demo — Hoursmith", "Acme / Sales", "Ops: EU". */
const SEPARATOR = /[\s\-–—:|/·,]/
const EDGE_SEPARATORS = /^[\s\-–—:|/·,]+|[\s\-–—:|/·,]+$/g

const isSeparator = (char: string | undefined): boolean => char === undefined || SEPARATOR.test(char)

/**
 * Where `a` and `b` stop agreeing, moved back to the end of a whole word in both. When one name
 * is all shared ("Demo — Lynkwell" and "Demo — Lynkwell backup"), its last word is what tells it
 * apart, so the shared part stops before that word: dropping it would leave "backup" on its own.
 */
function sharedPrefixLength(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length)
  let length = 0
  while (length < shorter && a[length] === b[length]) length++
  if (length === shorter) length = Math.max(0, shorter - 1)
  while (length > 0 && !(isSeparator(a[length - 1]) || (isSeparator(a[length]) && isSeparator(b[length])))) length--
  return length
}

const reversed = (text: string): string => [...text].reverse().join('')

/**
 * For each account name, the shortest display that still tells it apart from the others: the
 * words it shares with another name at its start ("Demo — ") and at its end (" (AU)") are
 * dropped, since they say nothing about which account it is. A name that would become empty or
 * would read like another account's display is kept whole, and so are names that are the same.
 * The full name belongs in a tooltip and with screen readers wherever the short one is shown.
 */
export function shortAccountNames(names: readonly string[]): Map<string, string> {
  const distinct = [...new Set(names)]
  const shortened = new Map<string, string>()
  for (const name of distinct) {
    const others = distinct.filter((other) => other !== name)
    const prefix = Math.max(0, ...others.map((other) => sharedPrefixLength(name, other)))
    const suffix = Math.max(0, ...others.map((other) => sharedPrefixLength(reversed(name), reversed(other))))
    const short = name.slice(prefix, Math.max(prefix, name.length - suffix)).replace(EDGE_SEPARATORS, '')
    shortened.set(name, short === '' ? name : short)
  }
  // Two displays alike would tell nothing apart: those names stay whole.
  const seen = new Map<string, number>()
  for (const short of shortened.values()) seen.set(short, (seen.get(short) ?? 0) + 1)
  for (const [name, short] of shortened) if (seen.get(short)! > 1 || (short !== name && distinct.includes(short))) shortened.set(name, name)
  return shortened
}
