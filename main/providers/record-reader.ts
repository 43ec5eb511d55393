/**
 * Reads one invoice record of a provider's page on its own, so that a record Quire cannot keep
 * costs that record and never its page or account. A record is kept as an invoice only when it
 * passes its wire schema, its shape is within bounds and its amounts fit the cache; otherwise it
 * becomes a skipped record: its id (when readable), the field and the reason, and the record
 * itself as bounded text with the account's secrets taken out.
 */
import type { z } from 'zod'
import { toScaled } from '../money/decimal'
import { redact } from './parse-wire'
import type { UnifiedInvoice } from './unified-invoice'

/** A record the connector could not turn into an invoice; the sync engine adds the page number. */
export interface SkippedRecord {
  remoteId: string | null
  field: string
  reason: string
  /** The record as JSON text, secrets redacted, cut to MAX_SKIPPED_RAW_CHARS. */
  raw: string
}

export type RecordRead = { invoice: UnifiedInvoice } | { skipped: SkippedRecord }

/** Deeper than any provider's documented record; SQLite's JSON functions stop at 1,000. */
export const MAX_RECORD_DEPTH = 32
/** Longer than any note or description a person types; a 4 MB "note" is not one. */
export const MAX_TEXT_CHARS = 64 * 1024
/** What is kept of a skipped record: enough to read and report it, never its whole bulk. */
export const MAX_SKIPPED_RAW_CHARS = 16 * 1024
/**
 * Amounts are summed as integers in 1/10,000ths in a signed 64-bit column (about ±9.2 × 10^14
 * units): an amount of 10^14 or more cannot be held exactly, and no invoice is that large.
 */
const AMOUNT_LIMIT = 10n ** 14n * 10_000n

export interface ReadOptions {
  /** Taken out of the kept raw text (API keys, passwords, tokens issued). */
  secrets: readonly string[]
}

/**
 * `map` may throw a RangeError for a value the schema let through but the money code refuses;
 * that, too, skips the record rather than the page.
 */
export function readInvoiceRecord<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  map: (wire: z.infer<S>) => UnifiedInvoice,
  options: ReadOptions
): RecordRead {
  const skip = (field: string, reason: string): RecordRead => ({ skipped: skippedRecord(raw, field, reason, options) })
  const shape = shapeProblem(raw)
  if (shape) return skip(shape.field, shape.reason)
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const [first] = parsed.error.issues
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : ''
    return skip(first && first.path.length > 0 ? first.path.join('.') : '(record)', `${first?.message ?? 'not understood'}${more}`)
  }
  let invoice: UnifiedInvoice
  try {
    invoice = map(parsed.data)
  } catch (error) {
    if (error instanceof RangeError) return skip('(record)', error.message)
    throw error
  }
  const amount = amountOutOfRange(invoice)
  return amount ? skip(amount, 'the amount is beyond ±10^14, more than Quire can add up exactly') : { invoice }
}

/** Every record of a page, each read on its own. */
export function readInvoiceRecords<S extends z.ZodType>(
  records: readonly unknown[],
  schema: S,
  map: (wire: z.infer<S>, raw: unknown) => UnifiedInvoice,
  options: ReadOptions
): { invoices: UnifiedInvoice[]; skipped: SkippedRecord[] } {
  const invoices: UnifiedInvoice[] = []
  const skipped: SkippedRecord[] = []
  for (const raw of records) {
    const read = readInvoiceRecord(schema, raw, (wire) => map(wire, raw), options)
    if ('invoice' in read) invoices.push(read.invoice)
    else skipped.push(read.skipped)
  }
  return { invoices, skipped }
}

/** The same record kept as skipped, for a reason found outside the schema (e.g. a detail request). */
export function skippedRecord(raw: unknown, field: string, reason: string, options: ReadOptions): SkippedRecord {
  return { remoteId: readableId(raw), field, reason, raw: boundedJson(raw, options.secrets) }
}

/** The record's `id` (every provider calls it that), when it is one Quire could look up. */
function readableId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const id = (raw as Record<string, unknown>).id
  if (typeof id === 'string' && id.length > 0 && id.length <= 512) return id
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return String(id)
  return null
}

/** A place in a record being walked: its key and the place it is in, so a path is built only when reported. */
interface Place {
  value: unknown
  key: string
  depth: number
  parent: Place | null
}

/**
 * Walks the record without recursion (a record nested 20,000 deep must not overflow the stack)
 * and reports the first place that is too deep or a text that is too long. Every record of
 * every page passes here, so each place links to its parent instead of copying its path: the
 * path is spelled out only for the one place reported.
 */
export function shapeProblem(raw: unknown): { field: string; reason: string } | null {
  const stack: Place[] = [{ value: raw, key: '', depth: 0, parent: null }]
  while (stack.length > 0) {
    const place = stack.pop()!
    const { value, depth } = place
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_CHARS)
        return {
          field: fieldName(pathOf(place)),
          reason: `the text is ${value.length.toLocaleString('en')} characters long, over Quire's ${MAX_TEXT_CHARS.toLocaleString('en')}`
        }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth >= MAX_RECORD_DEPTH)
      return { field: fieldName(namedPart(pathOf(place))), reason: `the data is nested more than ${MAX_RECORD_DEPTH} levels deep` }
    if (Array.isArray(value))
      value.forEach((item, index) => stack.push({ value: item, key: String(index), depth: depth + 1, parent: place }))
    else
      for (const key of Object.keys(value))
        stack.push({ value: (value as Record<string, unknown>)[key], key, depth: depth + 1, parent: place })
  }
  return null
}

function pathOf(place: Place): string[] {
  const path: string[] = []
  for (let at: Place | null = place; at !== null && at.parent !== null; at = at.parent) path.push(at.key)
  return path.reverse()
}

/** The named fields leading to a deep value, without the thousands of list positions below. */
function namedPart(path: string[]): string[] {
  const firstIndex = path.findIndex((key) => /^\d+$/.test(key))
  return firstIndex === -1 ? path.slice(0, 1) : path.slice(0, Math.max(1, firstIndex))
}

function fieldName(path: string[]): string {
  return path.length > 0 ? path.join('.') : '(record)'
}

function amountOutOfRange(invoice: UnifiedInvoice): string | null {
  const amounts: [string, string | null][] = [
    ['total', invoice.total],
    ['subtotal', invoice.subtotal],
    ['tax', invoice.tax],
    ['paid', invoice.paid],
    ...invoice.lineItems.map((line, index): [string, string | null] => [`lineItems.${index}.amount`, line.amount])
  ]
  for (const [field, amount] of amounts) {
    if (amount === null) continue
    const scaled = toScaled(amount)
    if (scaled >= AMOUNT_LIMIT || scaled <= -AMOUNT_LIMIT) return field
  }
  return null
}

/**
 * JSON text of at most MAX_SKIPPED_RAW_CHARS. Levels below MAX_RECORD_DEPTH are replaced by a
 * marker first, so serialising can never recurse deeper than that; secrets are redacted before
 * the text is cut, so no part of one survives at the cut.
 */
export function boundedJson(raw: unknown, secrets: readonly string[]): string {
  const text = redact(JSON.stringify(shallow(raw, 0, secrets)) ?? 'null', secrets)
  return text.length <= MAX_SKIPPED_RAW_CHARS
    ? text
    : `${text.slice(0, MAX_SKIPPED_RAW_CHARS)}… [cut: ${text.length.toLocaleString('en')} characters in all]`
}

/** Long texts are redacted before they are cut, for the same reason. */
function shallow(value: unknown, depth: number, secrets: readonly string[]): unknown {
  if (typeof value === 'string') {
    if (value.length <= MAX_SKIPPED_RAW_CHARS) return value
    return `${redact(value, secrets).slice(0, MAX_SKIPPED_RAW_CHARS)}… [cut: ${value.length.toLocaleString('en')} characters]`
  }
  if (typeof value !== 'object' || value === null) return value
  if (depth >= MAX_RECORD_DEPTH) return '[nested deeper: not kept]'
  if (Array.isArray(value)) return value.map((item) => shallow(item, depth + 1, secrets))
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shallow(item, depth + 1, secrets)]))
}
