import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { checkAccountEndpoint } from '../../main/net/endpoint-policy'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('the keychain entry, not the cache file, decides where a secret goes', () => {
  let testCore: TestCore
  let core: Core
  let secrets: MemorySecrets
  let simulator: HoursmithSimulator
  const token = hoursmithToken()

  beforeEach(async () => {
    secrets = new MemorySecrets()
    simulator = await startHoursmithSimulator({ invoices: 5, seed: 3, tokens: { [token]: { plan: 'studio', role: 'owner' } } })
    testCore = await openTestCore({ secrets, clock: systemClock })
    core = testCore.core
  })
  afterEach(async () => {
    await testCore.close()
    await simulator.close()
  })

  it('sends no secret to a base URL edited in the SQLite file, and says how to confirm a real move', async () => {
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    const received: IncomingHttpHeaders[] = []
    const listener = createServer((request, response) => (received.push(request.headers), response.end('{}')))
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    const elsewhere = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/v1`
    try {
      const file = new Database(join(testCore.dir.path, 'quire.sqlite3'))
      file.prepare('UPDATE accounts SET base_url = ? WHERE id = ?').run(elsewhere, account.id)
      file.close()

      const [outcome] = await core.sync.run(account.id)
      expect(outcome!.error).toMatchObject({ code: 'FORBIDDEN' })
      expect(outcome!.error!.message).toContain('not the one its secret was confirmed for')
      expect(outcome!.error!.message).toContain('Replace token')
      expect(outcome!.error!.message).toContain('quire accounts replace-secret "Studio" --secret-stdin')
      expect(received).toEqual([])

      // Entering the secret again is the confirmation: the entry now names the new origin.
      // (Untested: replacing a secret tries it first, and this listener is no Hoursmith.)
      await core.accounts.replaceSecret(account.id, token, { skipCheck: true })
      expect(JSON.parse(secrets.entries.get(account.id)!)).toEqual({ v: 1, secret: token, origins: [new URL(elsewhere).origin] })
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()))
    }
  })

  it('binds an entry from before origins were kept (a bare secret) to the address it is first used with', async () => {
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Old', baseUrl: simulator.baseUrl, secret: token })
    secrets.entries.set(account.id, token)
    const [outcome] = await core.sync.run(account.id)
    expect(outcome!.error).toBeNull()
    expect(JSON.parse(secrets.entries.get(account.id)!)).toEqual({ v: 1, secret: token, origins: [new URL(simulator.baseUrl).origin] })
  })

  it('refuses an older entry whose cached address is cleartext, saying how to keep the account', async () => {
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Cleartext', baseUrl: simulator.baseUrl, secret: token })
    secrets.entries.set(account.id, token)
    const file = new Database(join(testCore.dir.path, 'quire.sqlite3'))
    file.prepare('UPDATE accounts SET base_url = ? WHERE id = ?').run('http://hoursmith.example/api/v1', account.id)
    file.close()
    const [outcome] = await core.sync.run(account.id)
    expect(outcome!.error).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Add the account again with an https address')
    })
    expect(secrets.entries.get(account.id)).toBe(token)
  })

  it('keeps Lynkwell’s token URL origin in the entry too', async () => {
    const account = await core.accounts.add({ provider: 'lynkwell', name: 'Chargers', options: { clientId: 'c1' }, secret: 'shh' })
    expect(JSON.parse(secrets.entries.get(account.id)!).origins).toEqual(['https://api.lynkwell.com', 'https://lynkwell-prod.us.auth0.com'])
  })
})

describe('a secret travels only over https (loopback, and an explicit choice on a private network, aside)', () => {
  let testCore: TestCore
  let core: Core
  let secrets: MemorySecrets
  beforeEach(async () => {
    secrets = new MemorySecrets()
    testCore = await openTestCore({ secrets, clock: systemClock })
    core = testCore.core
  })
  afterEach(async () => {
    await testCore.close()
  })

  it('refuses cleartext and credential-carrying URLs, and stores nothing', async () => {
    await expect(
      core.accounts.add({ provider: 'hoursmith', name: 'A', baseUrl: 'http://hoursmith.example/api/v1', secret: 'hsk_x' })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('uses http')
    })
    await expect(
      core.accounts.add({ provider: 'hoursmith', name: 'B', baseUrl: 'https://user:pw@hoursmith.example/api/v1', secret: 'hsk_x' })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('user name or password')
    })
    await expect(
      core.accounts.add({
        provider: 'lynkwell',
        name: 'C',
        options: { clientId: 'c', tokenUrl: 'http://auth.example/oauth/token' },
        secret: 's'
      })
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('The token URL uses http') })
    await expect(
      core.accounts.add({ provider: 'hoursmith', name: 'D', baseUrl: 'http://10.0.0.5/api', options: { allowInsecure: true }, secret: 'x' })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('does not use allowInsecure')
    })
    expect(core.accounts.list()).toEqual([])
    expect(secrets.entries.size).toBe(0)
  })

  it('lets a self-hosted Yeti-Switch on a private address use http only when insecure was chosen', async () => {
    const draft = { provider: 'yeti' as const, name: 'PBX', baseUrl: 'http://10.1.2.3/api/rest/customer/v1', secret: 'pw' }
    await expect(core.accounts.add({ ...draft, options: { login: 'me' } })).rejects.toMatchObject({ code: 'VALIDATION' })
    const account = await core.accounts.add({ ...draft, options: { login: 'me', allowInsecure: true } })
    expect(account.options.allowInsecure).toBe(true)
    await expect(
      core.accounts.add({ ...draft, name: 'Public', baseUrl: 'http://8.8.8.8/api', options: { login: 'me', allowInsecure: true } })
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('not (or could not be confirmed as) an address on your own network')
    })
  })

  it('checks host names by what they resolve to, and exempts loopback', async () => {
    const resolveTo = (addresses: string[]) => async () => addresses
    await expect(
      checkAccountEndpoint('http://pbx.corp/api', 'The base URL', { allowInsecure: true, resolve: resolveTo(['192.168.1.9']) })
    ).resolves.toBeUndefined()
    await expect(
      checkAccountEndpoint('http://pbx.corp/api', 'The base URL', {
        allowInsecure: true,
        resolve: resolveTo(['192.168.1.9', '93.184.216.34'])
      })
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(checkAccountEndpoint('http://127.0.0.1:4000/api', 'The base URL')).resolves.toBeUndefined()
    await expect(checkAccountEndpoint('http://localhost:4000/api', 'The base URL')).resolves.toBeUndefined()
    await expect(checkAccountEndpoint('http://[::1]:4000/api', 'The base URL')).resolves.toBeUndefined()
    await expect(checkAccountEndpoint('ftp://host/x', 'The base URL')).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})
