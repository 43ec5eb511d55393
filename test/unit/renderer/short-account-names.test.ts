import { describe, expect, it } from 'vitest'
import { shortAccountNames } from '../../../renderer/src/lib/shortAccountNames'

const shortOf = (names: string[]): string[] => {
  const short = shortAccountNames(names)
  return names.map((name) => short.get(name)!)
}

describe('account names shortened to what tells them apart', () => {
  it('drops the prefix every demo account shares', () => {
    expect(shortOf(['Demo — Hoursmith', 'Demo — CareSquare', 'Demo — Yeti-Switch', 'Demo — Lynkwell'])).toEqual([
      'Hoursmith',
      'CareSquare',
      'Yeti-Switch',
      'Lynkwell'
    ])
  })

  it('cuts only between whole words, never inside one', () => {
    expect(shortOf(['Acme Sales', 'Acme Support'])).toEqual(['Sales', 'Support'])
    expect(shortOf(['Northwind', 'Northwest'])).toEqual(['Northwind', 'Northwest'])
  })

  it('drops words shared at the end too', () => {
    expect(shortOf(['Hoursmith AU', 'Lynkwell AU'])).toEqual(['Hoursmith', 'Lynkwell'])
    expect(shortOf(['Demo — Hoursmith', 'Prod — Hoursmith'])).toEqual(['Demo', 'Prod'])
  })

  it('shortens each name only by what it shares with some other', () => {
    expect(shortOf(['Demo — Hoursmith', 'Demo — Lynkwell', 'Office'])).toEqual(['Hoursmith', 'Lynkwell', 'Office'])
  })

  it('keeps a name whole when nothing of it would be left', () => {
    expect(shortOf(['Demo', 'Demo — Hoursmith'])).toEqual(['Demo', 'Demo — Hoursmith'])
  })

  it('never drops the word that tells a name apart from one it extends', () => {
    expect(shortOf(['Demo — Lynkwell', 'Demo — Lynkwell backup', 'Demo — Hoursmith'])).toEqual(['Lynkwell', 'Lynkwell backup', 'Hoursmith'])
    expect(shortOf(['Lynkwell AU', 'Old Lynkwell AU'])).toEqual(['Lynkwell', 'Old Lynkwell'])
  })

  it('keeps names whole when their short forms would look alike or like another account', () => {
    expect(shortOf(['Main — Ops', 'Main — Dev', 'Ops — Dev'])).toEqual(['Main — Ops', 'Main — Dev', 'Ops — Dev'])
    expect(shortOf(['A1 — B', 'A1 — C', 'B — C'])).toEqual(['A1 — B', 'A1 — C', 'B — C'])
    expect(shortOf(['Demo — Ops', 'Test — Ops', 'Ops'])).toEqual(['Demo', 'Test', 'Ops'])
  })

  it('keeps a lone account and identical names as they are', () => {
    expect(shortOf(['Demo — Hoursmith'])).toEqual(['Demo — Hoursmith'])
    expect(shortOf(['Ops', 'Ops'])).toEqual(['Ops', 'Ops'])
    expect(shortOf([])).toEqual([])
  })
})
