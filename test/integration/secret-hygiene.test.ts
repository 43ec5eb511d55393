import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/run-cli'
import { systemClock } from '../../main/base/clock'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { startCareSquareSimulator } from '../../main/simulators/caresquare/server'
import { startHoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { startLynkwellSimulator } from '../../main/simulators/lynkwell/server'
import { startYetiSimulator } from '../../main/simulators/yeti/server'
import { realKeychain } from '../helpers/keychain'
import { openTestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('secret hygiene across all four providers', () => {
  const closers: (() => Promise<void>)[] = []
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()))
  })

  it('keeps every secret out of the data dir, the renderer, errors and CLI output; remove deletes it from the keychain', async () => {
    const secrets = {
      hoursmith: hoursmithToken(),
      caresquare: `cs-${randomUUID()}`,
      yeti: `yeti-${randomUUID()}`,
      lynkwell: `lw-${randomUUID()}`
    }
    const wrong = {
      hoursmith: hoursmithToken(),
      caresquare: `cs-wrong-${randomUUID()}`,
      yeti: `yeti-wrong-${randomUUID()}`,
      lynkwell: `lw-wrong-${randomUUID()}`
    }
    const planManagerId = randomUUID()
    const hoursmith = await startHoursmithSimulator({ invoices: 300, tokens: { [secrets.hoursmith]: {} } })
    const caresquare = await startCareSquareSimulator({
      invoices: 60,
      apiKeys: { [secrets.caresquare]: { planManagerIds: [planManagerId] } }
    })
    const yeti = await startYetiSimulator({ invoices: 120, users: { ops: { password: secrets.yeti } } })
    const lynkwell = await startLynkwellSimulator({ invoices: 150, clients: { 'client-1': { secret: secrets.lynkwell } } })
    closers.push(hoursmith.close, caresquare.close, yeti.close, lynkwell.close)

    const keychain = realKeychain()
    const testCore = await openTestCore({ secrets: keychain, clock: systemClock })
    const { core, dir } = testCore
    const sentToRenderer: unknown[] = []
    core.events.subscribe((event, payload) => sentToRenderer.push({ event, payload }))
    const dispatch = createDispatch(createHandlers(core, 'test'))
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const result = await dispatch(method, input)
      sentToRenderer.push(result)
      return result
    }

    await call('accounts.add', { provider: 'hoursmith', name: 'H', baseUrl: hoursmith.baseUrl, secret: secrets.hoursmith })
    await call('accounts.add', {
      provider: 'caresquare',
      name: 'C',
      baseUrl: caresquare.baseUrl,
      options: { planManagerIds: [planManagerId] },
      secret: secrets.caresquare
    })
    await call('accounts.add', { provider: 'yeti', name: 'Y', baseUrl: yeti.baseUrl, options: { login: 'ops' }, secret: secrets.yeti })
    await call('accounts.add', {
      provider: 'lynkwell',
      name: 'L',
      baseUrl: lynkwell.baseUrl,
      options: { clientId: 'client-1', tokenUrl: lynkwell.tokenUrl, audience: lynkwell.audience },
      secret: secrets.lynkwell
    })
    const synced = (await call('sync.run', {})) as { ok: boolean; value: { ok: boolean }[] }
    expect(synced.value.map((outcome) => outcome.ok)).toEqual([true, true, true, true])
    const accounts = ((await call('accounts.list', {})) as { value: { id: string; provider: keyof typeof secrets }[] }).value
    const page = (await call('invoices.list', { limit: 500 })) as { value: { items: { accountId: string; remoteId: string }[] } }
    for (const item of page.value.items.slice(0, 40)) await call('invoices.get', { accountId: item.accountId, remoteId: item.remoteId })

    // Wrong secrets: the errors that come back must not quote them either.
    for (const account of accounts)
      expect(await call('accounts.replaceSecret', { accountId: account.id, secret: wrong[account.provider] })).toMatchObject({ ok: false })
    for (const account of accounts)
      await call('accounts.replaceSecret', { accountId: account.id, secret: wrong[account.provider], skipCheck: true })
    const failed = (await call('sync.run', {})) as { value: { ok: boolean; error: { message: string } | null }[] }
    expect(failed.value.every((outcome) => !outcome.ok && outcome.error !== null)).toBe(true)
    for (const account of accounts) await call('accounts.replaceSecret', { accountId: account.id, secret: secrets[account.provider] })

    const out: string[] = []
    const io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => out.push(t) },
      stdin: process.stdin
    } as never
    const filesWhileOpen = filesUnder(dir.path).map((file) => readFileSync(file))
    await core.close()
    for (const args of [
      ['accounts', 'list', '--json'],
      ['sync', '--json'],
      ['invoices', 'list', '--all', '--json']
    ]) {
      expect(await runCli(['--data-dir', dir.path, ...args], io, keychain)).toBe(0)
    }

    const everything = [...Object.values(secrets), ...Object.values(wrong)]
    const rendererText = JSON.stringify(sentToRenderer)
    const cliText = out.join('')
    const files = [...filesWhileOpen, ...filesUnder(dir.path).map((file) => readFileSync(file))]
    expect(files.length).toBeGreaterThan(1)
    // The log is among the data files searched: syncs with right and wrong secrets wrote to it.
    expect(readFileSync(join(dir.path, 'logs', 'quire.log'), 'utf8')).toMatch(/sync failed .*"errorCode":"PROVIDER_AUTH"/)
    for (const secret of everything) {
      expect(rendererText.includes(secret), 'sent to the renderer').toBe(false)
      expect(cliText.includes(secret), 'printed by the CLI').toBe(false)
      for (const content of files) {
        expect(content.includes(secret), 'in a data file').toBe(false)
        expect(content.includes(Buffer.from(secret, 'utf16le')), 'in a data file (UTF-16)').toBe(false)
      }
    }

    for (const account of accounts)
      expect(JSON.parse((await keychain.get(account.id))!)).toMatchObject({ v: 1, secret: secrets[account.provider] })
    const reopened = await testCore.reopen()
    for (const account of accounts) await reopened.accounts.remove(account.id)
    await reopened.close()
    for (const account of accounts) expect(await keychain.get(account.id)).toBeNull()
    await testCore.close()
  })
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
