/**
 * What a diagnostics bundle shows of invoice content when the person has not ticked "include
 * invoice details": the shape of a record (its keys, ids, statuses, currencies and dates, which
 * a support reader needs to see why it failed), never its amounts, counterparties or notes.
 */

/** Keys whose values say how a record is built, not whom or how much it is about. */
const KEPT_KEY =
  /^(id|type|status|state|paymentStatus|payment_status|currency|[a-z_]*(id|Id|_at|At|date|Date|_on|On)|is_[a-z_]+|has[A-Z-][a-zA-Z-]*)$/

export function maskedText(text: string): string {
  return `‹${text.length} characters, masked›`
}

/** Masks a record kept as JSON text (perhaps cut short, so perhaps not JSON any more). */
export function maskRecordText(text: string): string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return maskedText(text)
  }
  return JSON.stringify(maskValue(value, null, 0))
}

function maskValue(value: unknown, key: string | null, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value
  if (depth > 20) return '‹nested deeper, masked›'
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => maskValue(item, key, depth + 1))
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, maskValue(inner, name, depth + 1)]))
  if (key !== null && KEPT_KEY.test(key) && (typeof value === 'number' || (typeof value === 'string' && value.length <= 100))) return value
  return typeof value === 'number' ? '‹number, masked›' : maskedText(String(value))
}
