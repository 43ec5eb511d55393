/**
 * Records no API reference promises but real services send: mixed among good ones by a
 * simulator's bad-records mode, so a sync can be shown to keep every good record and to hold
 * back, or keep with an unknown value, each bad one. Each is built from a good record of the
 * provider's own shape, so only the one thing named is wrong.
 */
import { RawJson } from './raw-json'

/** What Quire is meant to do with it: keep the invoice with a value unknown, or skip the record. */
export type BadRecordOutcome = 'unknown-amount' | 'unknown-currency' | 'unknown-status' | 'skipped'

export interface BadRecord {
  label: string
  id: string | null
  outcome: BadRecordOutcome
  /** The wire field that is wrong (for a skip, the field Quire names). */
  field: string
  record: Record<string, unknown>
}

export interface WireFields {
  /** The amount field (a decimal string or a JSON number, as the provider sends money). */
  total: string
  money: 'decimal-string' | 'json-number'
  /** Absent for providers whose records carry no currency or status of their own. */
  currency?: string
  status?: string
  /** A free-text field, for the oversized text. */
  text: string
}

/** About 4 MB of text: no note or description a person writes. */
const HUGE_TEXT = 'x'.repeat(4 * 1024 * 1024)
/** Nested 20,000 deep: enough to overflow a recursive reader or writer. */
export const DEEP_NESTING = 20_000

/**
 * The bad records, with ids `${prefix}-…` (and one with none). `templates` are complete, valid
 * records of the provider (each bad record copies the next one, so they spread through a sort);
 * `fields` names their fields.
 */
export function badRecords(templates: readonly object[], fields: WireFields, prefix = 'bad'): BadRecord[] {
  let made = 0
  const make = (
    label: string,
    outcome: BadRecordOutcome,
    field: string,
    changes: Record<string, unknown>,
    id: string | null = `${prefix}-${label}`
  ): BadRecord => {
    const good = templates[made++ % templates.length] as Record<string, unknown>
    const record: Record<string, unknown> = { ...good, ...changes }
    if (id === null) delete record.id
    else record.id = id
    return { label, id, outcome, field, record }
  }
  const hugeAmount = fields.money === 'decimal-string' ? `1${'0'.repeat(32)}` : 1e32
  const malformedAmount = fields.money === 'decimal-string' ? '12,50 EUR' : 'twelve'
  const records = [
    make('null-total', 'unknown-amount', fields.total, { [fields.total]: null }),
    make('malformed-total', 'unknown-amount', fields.total, { [fields.total]: malformedAmount }),
    make('no-id', 'skipped', 'id', {}, null),
    make('huge-amount', 'skipped', fields.total, { [fields.total]: hugeAmount }),
    make('huge-text', 'skipped', fields.text, { [fields.text]: HUGE_TEXT }),
    make('deep', 'skipped', 'nested', { nested: new RawJson(`${'['.repeat(DEEP_NESTING)}${']'.repeat(DEEP_NESTING)}`) })
  ]
  if (fields.currency) {
    const bad = make('no-currency', 'unknown-currency', fields.currency, {})
    delete bad.record[fields.currency]
    records.push(bad)
  }
  if (fields.status) records.push(make('status-number', 'unknown-status', fields.status, { [fields.status]: 42 }))
  return records
}

/**
 * `good` with the bad records spread through it (one after every `every` good ones), so they
 * land on different pages among good records.
 */
export function mixedIn<T>(good: readonly T[], bad: readonly BadRecord[], every = 7): T[] {
  const out: T[] = []
  let pending = [...bad]
  good.forEach((record, index) => {
    out.push(record)
    if ((index + 1) % every === 0 && pending.length > 0) {
      out.push(pending[0]!.record as T)
      pending = pending.slice(1)
    }
  })
  return [...out, ...pending.map((item) => item.record as T)]
}
