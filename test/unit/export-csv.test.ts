import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from '../../main/services/export-csv'
import { parseCsv } from '../helpers/csv'

describe('spreadsheet-safe CSV cells', () => {
  it('neutralises a formula behind leading spaces, newlines or other whitespace', () => {
    for (const hostile of [' =1+1', '  +1', '\n=cmd|calc', '\r\n@SUM(A1)', '\u00A0=1', '\u3000-1+1', '\u200B=1', '\f=1', '\v@x', ' ＝1']) {
      expect(csvCell(hostile).replace(/^"/, ''), JSON.stringify(hostile)).toMatch(/^'/)
    }
    expect(csvCell('\nplain')).toBe(`"'\nplain"`)
    expect(csvCell(' Acme = Co')).toBe(`" Acme = Co"`)
  })

  it('neutralises anything a spreadsheet would run as a formula', () => {
    for (const hostile of ['=1+1', '+61 2 9999 0000', '-cmd|calc', '@SUM(A1)', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠x']) {
      expect(csvCell(hostile).replace(/^"/, ''), JSON.stringify(hostile)).toMatch(/^'/)
    }
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`)
  })

  it('keeps numbers numeric, including negatives, so the sheet can sum them', () => {
    expect(csvCell('-12.50')).toBe('-12.50')
    expect(csvCell('1234')).toBe('1234')
    expect(csvCell(3)).toBe('3')
    expect(csvCell(true)).toBe('true')
    expect(csvCell(null)).toBe('')
  })

  it('quotes separators, quotes, line breaks and edge spaces, and reads back as written', () => {
    const cells = ['a,b', 'say "hi"', 'two\r\nlines', ' padded ', 'plain', 'Zoë Café']
    const line = csvLine(cells)
    expect(line.endsWith('\r\n')).toBe(true)
    expect(parseCsv(line)).toEqual([cells])
  })
})

describe('each delimiter a spreadsheet may expect', () => {
  const chars = { comma: ',', semicolon: ';', tab: '\t' } as const
  const delimiters = Object.keys(chars) as (keyof typeof chars)[]

  it('quotes a cell holding the delimiter in use, and only that one', () => {
    expect(csvCell('a;b', 'semicolon')).toBe('"a;b"')
    expect(csvCell('a,b', 'semicolon')).toBe('a,b')
    expect(csvCell('1,50', 'semicolon')).toBe('1,50')
    expect(csvCell('a\tb', 'tab')).toBe('"a\tb"')
    expect(csvCell('a;b', 'tab')).toBe('a;b')
    expect(csvCell('a;b', 'comma')).toBe('a;b')
    expect(csvCell('a,b')).toBe('"a,b"')
  })

  it('still neutralises formulas, whatever the delimiter', () => {
    for (const delimiter of delimiters) {
      for (const hostile of ['=1+1', ' =1', '\t=1', '@SUM(A1)', '-cmd|calc', '＝1', '=A1;B1', '=A1,B1']) {
        expect(csvCell(hostile, delimiter).replace(/^"/, ''), `${delimiter} ${JSON.stringify(hostile)}`).toMatch(/^'/)
      }
      expect(csvCell('-12.50', delimiter)).toBe('-12.50')
    }
  })

  it('writes lines that read back as written with that delimiter', () => {
    const cells = ['a,b', 'c;d', 'e\tf', 'say "hi"', 'two\r\nlines', ' padded ', '=1;2', 'Zoë']
    for (const delimiter of delimiters) {
      const line = csvLine([...cells, 3, true, null], delimiter)
      expect(line.endsWith('\r\n')).toBe(true)
      expect(parseCsv(line, chars[delimiter]), delimiter).toEqual([[...cells.slice(0, 6), "'=1;2", 'Zoë', '3', 'true', '']])
    }
    expect(csvLine(['x', 'y'], 'semicolon')).toBe('x;y\r\n')
    expect(csvLine(['x', 'y'], 'tab')).toBe('x\ty\r\n')
  })
})
