import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { layerViolations, readSources, type SourceFile } from '../architecture/layer-rules'

const root = resolve(import.meta.dirname, '../..')

describe('layers', () => {
  it('hold across main, preload and the renderer', () => {
    expect(layerViolations(readSources(root, ['main', 'preload', 'renderer/src']))).toEqual([])
  })

  const clean: SourceFile[] = [
    { file: 'main/base/errors.ts', imports: [] },
    { file: 'main/db/invoices.repo.ts', imports: ['../base/errors', 'better-sqlite3'] },
    { file: 'main/app/create-core.ts', imports: ['../db/invoices.repo'] },
    { file: 'main/electron/main.ts', imports: ['electron', '../app/create-core'] },
    { file: 'preload/index.ts', imports: ['electron', './contract/methods'] },
    { file: 'renderer/src/App.tsx', imports: ['../../preload/contract'] }
  ]

  it('find nothing in a tree that keeps them', () => {
    expect(layerViolations(clean)).toEqual([])
  })

  it.each([
    ['Electron outside its seam', { file: 'main/db/x.ts', imports: ['electron'] }, /imports Electron outside main\/electron/],
    [
      'the contract importing main',
      { file: 'preload/contract/x.ts', imports: ['../../main/base/errors'] },
      /the contract imports main\/base\/errors/
    ],
    ['a domain folder importing the app', { file: 'main/sync/x.ts', imports: ['../app/create-core'] }, /a higher layer/],
    ['a domain folder importing a host', { file: 'main/pdfs/x.ts', imports: ['../electron/main'] }, /a higher layer/],
    ['the renderer importing main', { file: 'renderer/src/x.ts', imports: ['../../main/db/invoices.repo'] }, /only through the contract/],
    ['a folder in no layer', { file: 'main/unplaced/x.ts', imports: [] }, /main\/unplaced is in no layer/]
  ])('catch %s', (_name, planted, message) => {
    expect(layerViolations([...clean, planted]).join('\n')).toMatch(message)
  })

  it('catch two domain folders importing each other', () => {
    const circle = [
      ...clean,
      { file: 'main/sync/a.ts', imports: ['../services/b'] },
      { file: 'main/services/b.ts', imports: ['../sync/a'] }
    ]
    expect(layerViolations(circle)).toContain('folders import each other: main/services → main/sync')
  })
})
