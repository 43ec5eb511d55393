/** A provider's code as words: "partially_paid" → "Partially paid", "PAST-DUE" → "Past due". */
export function inWords(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
