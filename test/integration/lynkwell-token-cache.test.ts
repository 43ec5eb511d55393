import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { accessTokenEntry } from '../../main/secrets/keychain-access-token'
import { startLynkwellSimulator } from '../../main/simulators/lynkwell/server'
import { quireProcess as quire } from '../helpers/cli-process'
import { fakeClock } from '../helpers/fake-clock'
import { realKeychain } from '../helpers/keychain'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { openTestCore } from '../helpers/test-core'

const CLIENT_ID = 'token-cache-client'

describe('Lynkwell access tokens kept in the keychain', () => {
  const closers: (() => unknown)[] = []
  afterAll(async () => {
    for (const close of closers.reverse()) await close()
  })

  it('one account add and three syncs in three processes ask Auth0 for one token; a 401 and removal drop it', async () => {
    const secret = `lw-${randomUUID()}`
    const simulator = await startLynkwellSimulator({ invoices: 120, seed: 8, clients: { [CLIENT_ID]: { secret } } })
    const dir = tempDir('quire-lynkwell-token-')
    closers.push(simulator.close, dir.remove)
    const dataDir = ['--data-dir', dir.path]

    const added = await quire(
      [
        ...dataDir,
        'accounts',
        'add',
        '--provider',
        'lynkwell',
        '--name',
        'Fleet',
        '--base-url',
        simulator.baseUrl,
        '--client-id',
        CLIENT_ID,
        '--token-url',
        simulator.tokenUrl,
        '--secret-stdin',
        '--json'
      ],
      `${secret}\n`
    )
    expect(added.code, added.stderr).toBe(0)
    const accountId = (JSON.parse(added.stdout) as { id: string }).id
    closers.push(
      () => realKeychain().delete(accessTokenEntry(accountId)),
      () => realKeychain().delete(accountId)
    )
    expect(simulator.tokenRequests.count).toBe(1)

    for (let run = 1; run <= 3; run += 1) {
      const synced = await quire([...dataDir, 'sync', '--json'])
      expect(synced.code, synced.stderr).toBe(0)
      expect((JSON.parse(synced.stdout) as { upserted: number }[])[0]!.upserted).toBe(120)
    }
    expect(simulator.tokenRequests.count).toBe(1)
    expect(simulator.unauthorized.count).toBe(0)

    // The token is a keychain entry of its own, and never reaches the data dir.
    const entry = JSON.parse((await realKeychain().get(accessTokenEntry(accountId)))!) as { value: string }
    const secretEntry = (await realKeychain().get(accountId))!
    expect(secretEntry).toContain(secret)
    expect(secretEntry).not.toContain(entry.value)
    for (const file of filesUnder(dir.path)) expect(readFileSync(file).includes(entry.value), file).toBe(false)

    // Revoked upstream: the next sync is refused once, drops the kept token and keeps the new one.
    simulator.revokeTokens()
    const afterRevoke = await quire([...dataDir, 'sync', '--json'])
    expect(afterRevoke.code, afterRevoke.stderr).toBe(0)
    expect(simulator.unauthorized.count).toBe(1)
    expect(simulator.tokenRequests.count).toBe(2)
    const renewed = JSON.parse((await realKeychain().get(accessTokenEntry(accountId)))!) as { value: string }
    expect(renewed.value).not.toBe(entry.value)

    const removed = await quire([...dataDir, 'accounts', 'remove', 'Fleet'])
    expect(removed.code, removed.stderr).toBe(0)
    expect(await realKeychain().get(accessTokenEntry(accountId))).toBeNull()
    expect(await realKeychain().get(accountId)).toBeNull()
    // Six CLI processes, each starting tsx (~6 s apiece on a loaded shared machine).
  }, 240_000)

  it('asks for a new token once the kept one is near expiry, and ignores one kept for other settings', async () => {
    const secret = `lw-${randomUUID()}`
    const clock = fakeClock(new Date('2026-03-01T10:00:00Z'))
    const simulator = await startLynkwellSimulator({
      invoices: 5,
      seed: 2,
      tokenTtlSeconds: 3_600,
      now: () => clock.now().getTime(),
      clients: { [CLIENT_ID]: { secret } }
    })
    const secrets = new MemorySecrets()
    const testCore = await openTestCore({ secrets, clock })
    closers.push(simulator.close, testCore.close)

    let core = testCore.core
    const account = await core.accounts.add({
      provider: 'lynkwell',
      name: 'Fleet',
      baseUrl: simulator.baseUrl,
      secret,
      options: { clientId: CLIENT_ID, tokenUrl: simulator.tokenUrl }
    })
    expect((await core.sync.run())[0]!.ok).toBe(true)
    await core.close()
    expect(simulator.tokenRequests.count).toBe(1)

    await clock.sleep(3_600_000 - 30_000)
    core = await testCore.reopen()
    expect((await core.sync.run())[0]!.ok).toBe(true)
    await core.close()
    expect(simulator.tokenRequests.count).toBe(2)

    // A kept token for another audience or client is not this account's token.
    const kept = JSON.parse((await secrets.get(accessTokenEntry(account.id)))!) as Record<string, unknown>
    await secrets.set(
      accessTokenEntry(account.id),
      JSON.stringify({ ...kept, scope: JSON.stringify(['another-client', simulator.tokenUrl, simulator.audience]) })
    )
    core = await testCore.reopen()
    expect((await core.sync.run())[0]!.ok).toBe(true)
    await core.close()
    expect(simulator.tokenRequests.count).toBe(3)

    // An entry that is not a token Quire wrote (damaged, another version) only costs a new token.
    await secrets.set(accessTokenEntry(account.id), 'not json {')
    core = await testCore.reopen()
    expect((await core.sync.run())[0]!.ok).toBe(true)
    await core.close()
    expect(simulator.tokenRequests.count).toBe(4)
    expect(simulator.unauthorized.count).toBe(0)
  })
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
