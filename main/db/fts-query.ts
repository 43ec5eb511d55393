/**
 * Turns what a person typed into a safe FTS5 query: every word must match, each as a prefix
 * ("inv 00" finds INV-0042). Each word is a quoted string, so FTS5 operators and column
 * filters typed by the user are searched for as text, never interpreted.
 */
export function ftsQuery(text: string): string | null {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
  if (words.length === 0) return null
  return words.map((word) => `"${word}"*`).join(' AND ')
}
