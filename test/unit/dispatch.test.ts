import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { openTestCore, type TestCore } from '../helpers/test-core'

describe('IPC dispatch trusts nothing from the renderer', () => {
  let testCore: TestCore
  let core: Core
  let dispatch: Dispatch
  const logged: unknown[] = []

  beforeEach(async () => {
    testCore = await openTestCore({ clock: systemClock })
    core = testCore.core
    dispatch = createDispatch(createHandlers(core, '1.0.0'), (_m, e) => logged.push(e))
  })
  afterEach(() => testCore.close())

  it('rejects methods that are not in the contract, including inherited property names', async () => {
    for (const method of [
      'shell.openExternal',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      42,
      null,
      { method: 'app.getInfo' }
    ]) {
      const result = await dispatch(method, {})
      expect(result, String(method)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
  })

  it('rejects malformed input with VALIDATION and writes nothing', async () => {
    const bad: [string, unknown][] = [
      ['accounts.add', { provider: 'hoursmith', name: 'x' }],
      ['accounts.add', { provider: 'evil', name: 'x', secret: 's' }],
      ['accounts.add', { provider: 'hoursmith', name: 'a/b', secret: 's' }],
      ['accounts.add', { provider: 'hoursmith', name: 'x', secret: 's', baseUrl: 'file:///etc/passwd' }],
      ['accounts.add', { provider: 'hoursmith', name: 'x', secret: 's', admin: true }],
      ['invoices.list', { limit: 1_000_000 }],
      ['invoices.list', { offset: -1 }],
      ['invoices.list', null],
      ['invoices.get', { accountId: '../../etc', remoteId: 'x' }],
      ['accounts.remove', { accountId: 'not-a-uuid' }],
      ['app.getInfo', { extra: 1 }]
    ]
    for (const [method, input] of bad) {
      const result = await dispatch(method, input)
      expect(result, `${method} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(core.accounts.list()).toHaveLength(0)
  })

  it('never sends a secret back: an added account is returned without it', async () => {
    const result = await dispatch('accounts.add', {
      provider: 'hoursmith',
      name: 'Studio',
      secret: 'hsk_live_secretsecret_abc',
      baseUrl: 'http://127.0.0.1:9/api/v1'
    })
    expect(result.ok).toBe(true)
    expect(JSON.stringify(result)).not.toContain('hsk_live_secretsecret_abc')
    const list = await dispatch('accounts.list', {})
    expect(JSON.stringify(list)).not.toContain('hsk_live_secretsecret_abc')
  })

  it('reports unexpected failures as INTERNAL without their details', async () => {
    const failing = createDispatch(
      {
        ...createHandlers(core, '1'),
        'accounts.list': async () => {
          throw new Error('SELECT * FROM secret_table')
        }
      },
      (_m, e) => logged.push(e)
    )
    const result = await failing('accounts.list', {})
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.not.stringContaining('secret_table') } })
    expect(logged).toHaveLength(1)
  })

  it('applies contract defaults and answers with the contract shape', async () => {
    const result = await dispatch('invoices.list', {})
    expect(result).toEqual({ ok: true, value: { total: 0, items: [] } })
    const info = await dispatch('app.getInfo', {})
    expect(info).toMatchObject({
      ok: true,
      value: {
        version: '1.0.0',
        accountCount: 0,
        providers: expect.arrayContaining([
          expect.objectContaining({ id: 'hoursmith', secretLabel: 'Personal access token' }),
          expect.objectContaining({ id: 'yeti', defaultBaseUrl: null, requiredOptions: ['login'] })
        ])
      }
    })
  })
})
