/** A file name from data: no separators, control or reserved characters, no leading dots, not too long. */
export function safeFileName(text: string, fallback = 'invoice'): string {
  const cleaned = text
    .replace(/[\p{Cc}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  return cleaned.slice(0, 120).trim() || fallback
}
