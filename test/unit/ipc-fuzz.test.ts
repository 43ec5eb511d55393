import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methods, type MethodName } from '../../preload/contract'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { openTestCore, type TestCore } from '../helpers/test-core'

/**
 * Every contract method, thousands of generated inputs that the contract rejects: each must come
 * back as a typed VALIDATION error — no crash, no other code, and nothing written.
 */
describe('hostile IPC input', () => {
  let testCore: TestCore
  let core: Core
  let dispatch: Dispatch
  const internal: unknown[] = []

  beforeAll(async () => {
    testCore = await openTestCore({ clock: systemClock })
    core = testCore.core
    dispatch = createDispatch(createHandlers(core, 'fuzz'), (_m, error) => internal.push(error))
  })
  afterAll(() => testCore.close())

  const names = Object.keys(methods) as MethodName[]
  const hostileStrings = fc.constantFrom(
    '../../etc/passwd',
    '/etc/shadow',
    'C:\\\\Windows\\\\win.ini',
    '<script>alert(1)</script>',
    '"; DROP TABLE invoices; --',
    '\u0000',
    'x'.repeat(5000),
    '__proto__',
    'constructor'
  )
  const hostile = fc.oneof(
    fc.anything({
      withNullPrototype: true,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
      maxDepth: 3
    }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          'accountId',
          'remoteId',
          'secret',
          'provider',
          'name',
          'baseUrl',
          'limit',
          'offset',
          'search',
          '__proto__',
          'options'
        ),
        fc.string()
      ),
      fc.oneof(hostileStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
      { maxKeys: 5 }
    )
  )

  it('answers every malformed call with VALIDATION and writes nothing', async () => {
    const file = join(testCore.dir.path, 'quire.sqlite3')
    const before = readFileSync(file)
    let cases = 0
    for (const name of names) {
      await fc.assert(
        fc.asyncProperty(hostile, async (input) => {
          fc.pre(!methods[name].input.safeParse(input).success)
          cases += 1
          const result = await dispatch(name, input)
          return !result.ok && result.error.code === 'VALIDATION' && typeof result.error.message === 'string'
        }),
        { numRuns: 400 }
      )
    }
    expect(cases).toBeGreaterThan(names.length * 300)
    expect(internal).toEqual([])
    expect(core.accounts.list()).toEqual([])
    expect(core.invoices.list({ includeRemoved: true, offset: 0, limit: 1 }).total).toBe(0)
    expect(readFileSync(file).equals(before)).toBe(true)
    // 400 hostile inputs for every method: its time grows with the contract, past vitest's 5 s default.
  }, 60_000)

  it('answers unknown or inherited method names with UNKNOWN_METHOD', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf'), fc.anything()),
        async (method) => {
          fc.pre(typeof method !== 'string' || !Object.hasOwn(methods, method))
          const result = await dispatch(method, {})
          return !result.ok && result.error.code === 'UNKNOWN_METHOD'
        }
      ),
      { numRuns: 2_000 }
    )
  })

  it('keeps path-like and script-like values that do parse away from the file system and from markup', async () => {
    for (const remoteId of ['../../../etc/passwd', '/etc/shadow', '..\\\\..\\\\boot.ini', '<img src=x onerror=alert(1)>']) {
      const result = await dispatch('invoices.get', { accountId: '7f7e6a52-6f1f-4c55-9d0e-5a9b3c8f2e11', remoteId })
      expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    const search = await dispatch('invoices.list', { search: 'NEAR( "a" * OR -- <script>' })
    expect(search).toMatchObject({ ok: true, value: { total: 0 } })
  })
})
