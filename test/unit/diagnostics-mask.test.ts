import { describe, expect, it } from 'vitest'
import { maskRecordText } from '../../main/diagnostics/mask'

describe('masking a kept record for a diagnostics bundle', () => {
  it('keeps keys, ids, statuses, currencies and dates; masks amounts, names and notes', () => {
    const record = JSON.stringify({
      id: 'inv_42',
      status: 'OPEN',
      currency: 'AUD',
      issueDate: '2026-01-31',
      total: 1234.56,
      client: { id: 7, name: 'Zoë Hartley Physio' },
      notes: 'Call Zoë about the overdue balance',
      lines: [{ description: 'Consult', amount: '99.50' }],
      is_duplicate: true
    })
    const masked = maskRecordText(record)
    for (const hidden of ['1234.56', 'Zoë', 'overdue', 'Consult', '99.50']) expect(masked).not.toContain(hidden)
    expect(JSON.parse(masked)).toMatchObject({
      id: 'inv_42',
      status: 'OPEN',
      currency: 'AUD',
      issueDate: '2026-01-31',
      total: '‹number, masked›',
      client: { id: 7, name: '‹18 characters, masked›' },
      is_duplicate: true
    })
  })

  it('masks text that is no longer JSON (a record cut to its size bound) as a whole', () => {
    expect(maskRecordText('{"id":"x","counterparty":"Acme Pty')).toBe('‹34 characters, masked›')
  })
})
