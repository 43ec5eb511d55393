import { randomBytes, scryptSync } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { methods, methodsAllowedWhileLocked, type LockStatus, type MethodName } from '../../preload/contract'
import { createDispatch, type Dispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { AppError } from '../../main/base/errors'
import { PASSCODE_KEYCHAIN_ENTRY, type SystemConfirmation } from '../../main/lock/app-lock'
import { manualClock } from '../helpers/manual-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'

// Every passcode check is a real scrypt at N=2^17 (a few hundred ms, seconds on a busy machine).
describe('the app lock, as the renderer meets it through the contract', { timeout: 90_000 }, () => {
  const open: TestCore[] = []
  afterEach(async () => {
    for (const testCore of open.splice(0)) await testCore.close()
  })

  async function start(
    options: {
      dir?: TestCore['dir']
      secrets?: MemorySecrets
      idle?: { seconds: number }
      confirmation?: SystemConfirmation
    } = {}
  ) {
    const secrets = options.secrets ?? new MemorySecrets()
    const clock = manualClock()
    const testCore = await openTestCore({
      dataDir: options.dir?.path,
      secrets,
      clock,
      idleSeconds: options.idle ? () => options.idle!.seconds : undefined,
      confirmation: options.confirmation
    })
    open.push(testCore)
    const { core, dir } = testCore
    const events: LockStatus[] = []
    core.events.subscribe((name, payload) => {
      if (name === 'lock.changed') events.push(payload as LockStatus)
    })
    const dispatch: Dispatch = createDispatch(createHandlers(core, 'test'))
    const call = async (method: MethodName, input: unknown = {}) => dispatch(method, input)
    return { core, dir, secrets, clock, events, call }
  }

  it('is off by default and refuses to lock until it is turned on', async () => {
    const { call } = await start()
    expect(await call('lock.status')).toMatchObject({
      ok: true,
      value: { enabled: false, locked: false, hasPasscode: false, systemConfirmation: null }
    })
    expect(await call('lock.lockNow')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await call('invoices.list', {})).toMatchObject({ ok: true })
  })

  it('while locked, answers only what the lock screen needs, whatever the renderer asks', async () => {
    const { core, call } = await start()
    await call('lock.configure', { enabled: true })
    expect(await call('lock.lockNow')).toMatchObject({ ok: true, value: { locked: true } })
    // Straight to the handlers, past validation: the refusal must come from the lock alone.
    const handlers = createHandlers(core, 'test') as unknown as Record<string, (input: unknown) => Promise<unknown>>
    for (const method of Object.keys(methods)) {
      if (methodsAllowedWhileLocked.has(method)) continue
      await expect(handlers[method]!(undefined), method).rejects.toMatchObject({ code: 'LOCKED' })
    }
    expect(await call('invoices.list', {})).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: 'Quire is locked. Unlock it to continue.' }
    })
    expect(await call('app.getInfo')).toMatchObject({ ok: true })
    expect(await call('lock.unlock', {})).toMatchObject({ ok: true, value: { locked: false } })
    expect(await call('invoices.list', {})).toMatchObject({ ok: true })
  })

  it('locks after the idle time and on the OS lock, and says so to the renderer', async () => {
    const idle = { seconds: 0 }
    const { core, call, events } = await start({ idle })
    await call('lock.configure', { enabled: true, idleMinutes: 5 })
    idle.seconds = 4 * 60 + 59
    core.lock.checkIdle()
    expect(core.lock.isLocked).toBe(false)
    idle.seconds = 5 * 60
    core.lock.checkIdle()
    expect(core.lock.isLocked).toBe(true)
    await call('lock.unlock', {})

    core.lock.onSystemLock()
    expect(core.lock.isLocked).toBe(true)
    await call('lock.unlock', {})
    await call('lock.configure', { lockOnSystemLock: false })
    core.lock.onSystemLock()
    expect(core.lock.isLocked).toBe(false)
    await new Promise((resolve) => setImmediate(resolve))
    expect(events.map((e) => e.locked)).toEqual([false, true, false, true, false, false])
  })

  it('without an OS idle clock, counts idle time from the last call a person made (heartbeats do not count)', async () => {
    const { core, clock, call } = await start()
    await call('lock.configure', { enabled: true, idleMinutes: 1 })
    await clock.advance(50_000)
    await call('invoices.list', {})
    await clock.advance(50_000)
    const heartbeat = await call('activity.heartbeat', {
      sessionId: '7f7e6a52-6f1f-4c55-9d0e-5a9b3c8f2e11',
      state: { focused: true, visible: true, lastInputAt: null }
    })
    expect(heartbeat).toMatchObject({ ok: true })
    core.lock.checkIdle()
    expect(core.lock.isLocked).toBe(false)
    await clock.advance(11_000)
    core.lock.checkIdle()
    expect(core.lock.isLocked).toBe(true)
  })

  it('with a passcode, unlocks only with it, keeps only a hash in the keychain, and slows guessing', async () => {
    const { call, secrets, clock } = await start()
    await call('lock.configure', { enabled: true })
    expect(await call('lock.setPasscode', { passcode: 'abcde' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('at least 6 characters') }
    })
    expect(await call('lock.setPasscode', { passcode: 'correct horse' })).toMatchObject({ ok: true, value: { hasPasscode: true } })
    const stored = secrets.entries.get(PASSCODE_KEYCHAIN_ENTRY)!
    expect(stored).not.toContain('correct horse')
    expect(JSON.parse(stored)).toMatchObject({ v: 1, N: 131072, r: 8 })

    await call('lock.lockNow')
    expect(await call('lock.unlock', {})).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'That passcode is not right.' } })
    for (let i = 0; i < 4; i += 1) await call('lock.unlock', { passcode: `guess ${i}` })
    const waiting = await call('lock.unlock', { passcode: 'correct horse' })
    expect(waiting).toMatchObject({ ok: false, error: { code: 'LOCKED', message: 'Too many wrong passcodes. Try again in 30 s.' } })
    expect(await call('lock.status')).toMatchObject({ ok: true, value: { locked: true, retryAfter: '2026-11-23T09:00:30.000Z' } })
    await clock.advance(30_000)
    expect(await call('lock.unlock', { passcode: 'correct horse' })).toMatchObject({ ok: true, value: { locked: false, retryAfter: null } })
  })

  it('checks parallel guesses one at a time: 60 wrong passcodes at once, then the right one, stays locked', async () => {
    const { call, dir, secrets } = await start()
    await call('lock.configure', { enabled: true })
    await call('lock.setPasscode', { passcode: 'correct horse' })
    await call('lock.lockNow')
    const guesses = await Promise.all(Array.from({ length: 60 }, (_, i) => call('lock.unlock', { passcode: `guess ${i}` })))
    const messages = guesses.map((g) => (g.ok ? 'unlocked' : g.error.message))
    expect(messages.filter((m) => m === 'That passcode is not right.')).toHaveLength(5)
    expect(messages.filter((m) => m.startsWith('Too many wrong passcodes.'))).toHaveLength(55)
    expect(await call('lock.unlock', { passcode: 'correct horse' })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: expect.stringMatching(/^Too many/) }
    })

    // A restart is no way around the wait.
    const restarted = await start({ dir, secrets })
    expect(await restarted.call('lock.status')).toMatchObject({ ok: true, value: { locked: true, retryAfter: expect.any(String) } })
    expect(await restarted.call('lock.unlock', { passcode: 'correct horse' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Too many/) }
    })
    await restarted.clock.advance(30_000)
    expect(await restarted.call('lock.unlock', { passcode: 'correct horse' })).toMatchObject({
      ok: true,
      value: { locked: false, retryAfter: null }
    })
  })

  it('checks parallel attempts to change the passcode one at a time too', async () => {
    const { call } = await start()
    await call('lock.setPasscode', { passcode: 'first one' })
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call('lock.setPasscode', { passcode: 'taken over', current: `guess ${i}` }))
    )
    expect(guesses.filter((g) => !g.ok && g.error.message === 'That is not your current passcode.')).toHaveLength(5)
    expect(await call('lock.setPasscode', { passcode: 'taken over', current: 'first one' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Too many/) }
    })
  })

  it('makes a hash from an older, cheaper cost again on the next successful unlock', async () => {
    const secrets = new MemorySecrets()
    const salt = randomBytes(16)
    const oldHash = scryptSync('old and cheap', salt, 32, { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
    secrets.entries.set(
      PASSCODE_KEYCHAIN_ENTRY,
      JSON.stringify({ v: 1, salt: salt.toString('base64'), hash: oldHash.toString('base64'), N: 32_768, r: 8, p: 1 })
    )
    const { call } = await start({ secrets })
    await call('lock.configure', { enabled: true })
    await call('lock.lockNow')
    expect(await call('lock.unlock', { passcode: 'wrong guess' })).toMatchObject({ ok: false })
    expect(JSON.parse(secrets.entries.get(PASSCODE_KEYCHAIN_ENTRY)!)).toMatchObject({ N: 32_768 })
    expect(await call('lock.unlock', { passcode: 'old and cheap' })).toMatchObject({ ok: true, value: { locked: false } })
    expect(JSON.parse(secrets.entries.get(PASSCODE_KEYCHAIN_ENTRY)!)).toMatchObject({ N: 131_072 })
    await call('lock.lockNow')
    expect(await call('lock.unlock', { passcode: 'old and cheap' })).toMatchObject({ ok: true, value: { locked: false } })
  })

  it('changes or removes the passcode only with the current one', async () => {
    const { call, secrets } = await start()
    await call('lock.setPasscode', { passcode: 'first one' })
    expect(await call('lock.setPasscode', { passcode: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('lock.setPasscode', { passcode: 'second', current: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' }
    })
    expect(await call('lock.setPasscode', { passcode: 'second', current: 'first one' })).toMatchObject({
      ok: true,
      value: { hasPasscode: true }
    })
    expect(await call('lock.setPasscode', { passcode: null, current: 'second' })).toMatchObject({ ok: true, value: { hasPasscode: false } })
    expect(secrets.entries.has(PASSCODE_KEYCHAIN_ENTRY)).toBe(false)
  })

  it('starts locked after a restart when the lock is on', async () => {
    const first = await start()
    await first.call('lock.configure', { enabled: true })
    await first.call('lock.setPasscode', { passcode: 'restart me' })
    const second = await start({ dir: first.dir, secrets: first.secrets })
    expect(await second.call('invoices.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await second.call('lock.unlock', { passcode: 'restart me' })).toMatchObject({ ok: true, value: { locked: false } })
  })

  it('uses the OS prompt where there is one, and a cancelled prompt stays locked', async () => {
    let answer = false
    const confirmation: SystemConfirmation = { kind: 'touch-id', confirm: async () => answer }
    const { call } = await start({ confirmation })
    await call('lock.configure', { enabled: true })
    expect(await call('lock.status')).toMatchObject({ ok: true, value: { systemConfirmation: 'touch-id' } })
    await call('lock.lockNow')
    expect(await call('lock.unlock', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(await call('lock.unlock', { system: true })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: 'Unlock was not confirmed.' }
    })
    answer = true
    expect(await call('lock.unlock', { system: true })).toMatchObject({ ok: true, value: { locked: false } })
  })

  it('fails closed when the keychain cannot be read: no turning the lock on, no unlocking, nothing served', async () => {
    const first = await start()
    const unreadable = new MemorySecrets()
    unreadable.get = async () => {
      throw new AppError('KEYCHAIN_UNAVAILABLE', 'No keychain is available.')
    }
    const second = await start({ secrets: unreadable })
    expect(await second.call('lock.status')).toMatchObject({ ok: true, value: { enabled: false, hasPasscode: false } })
    expect(await second.call('lock.configure', { enabled: true })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    expect(await second.call('lock.status')).toMatchObject({ ok: true, value: { enabled: false } })

    await first.call('lock.configure', { enabled: true })
    const third = await start({ dir: first.dir, secrets: unreadable })
    expect(await third.call('lock.status')).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    expect(await third.call('lock.unlock', { passcode: 'anything' })).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } })
    expect(await third.call('invoices.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
  })

  it('holds events from a locked renderer and delivers the newest after the unlock', async () => {
    const { core, call } = await start()
    const seen: [string, unknown][] = []
    core.rendererEvents.subscribe((name, payload) => seen.push([name, payload]))
    await call('lock.configure', { enabled: true })
    await call('lock.lockNow')
    seen.length = 0
    const progress = (accountId: string, pages: number) =>
      ({ accountId, account: 'Acme Payroll', phase: 'page', pages, upserted: pages * 10, listed: pages * 10, error: null }) as never
    const a = '11111111-1111-4111-8111-111111111111'
    const b = '22222222-2222-4222-8222-222222222222'
    core.events.emit('sync.progress', progress(a, 1))
    core.events.emit('sync.progress', progress(b, 1))
    core.events.emit('sync.progress', progress(a, 2))
    core.events.emit('accounts.changed', {})
    expect(seen).toEqual([])
    await call('lock.unlock', {})
    expect(
      seen.map(([name, payload]) => [
        name,
        (payload as { accountId?: string; pages?: number; locked?: boolean }).accountId ?? (payload as { locked?: boolean }).locked ?? null,
        (payload as { pages?: number }).pages ?? null
      ])
    ).toEqual([
      ['lock.changed', false, null],
      ['sync.progress', b, 1],
      ['sync.progress', a, 2],
      ['accounts.changed', null, null]
    ])
  })

  it('keeps the hide-amounts setting across restarts', async () => {
    const first = await start()
    expect(await first.call('settings.update', { hideAmounts: true })).toMatchObject({
      ok: true,
      value: { hideAmounts: true, syncIntervalMinutes: 60 }
    })
    const second = await start({ dir: first.dir })
    expect(await second.call('settings.get')).toMatchObject({ ok: true, value: { hideAmounts: true } })
  })
})
