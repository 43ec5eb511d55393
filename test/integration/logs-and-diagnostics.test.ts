import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../main/base/clock'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { accessTokenEntry } from '../../main/secrets/keychain-access-token'
import { startCareSquareSimulator } from '../../main/simulators/caresquare/server'
import { startHoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { startLynkwellSimulator } from '../../main/simulators/lynkwell/server'
import { startYetiSimulator } from '../../main/simulators/yeti/server'
import { cliInProcess } from '../helpers/cli-in-process'
import { realKeychain } from '../helpers/keychain'
import { readZip } from '../helpers/read-zip'
import { openTestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('logs and diagnostics after syncs with all four providers', () => {
  const closers: (() => unknown)[] = []
  afterAll(async () => {
    for (const close of closers.reverse()) await close()
  })

  it('logs one line per account sync and INTERNAL errors with their stack, and neither the log nor the bundle holds a secret or, by default, a counterparty', async () => {
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
    // Bad-records mode: the held-back records are copies of good ones, counterparties included.
    const hoursmith = await startHoursmithSimulator({ invoices: 120, badRecords: true, tokens: { [secrets.hoursmith]: {} } })
    const caresquare = await startCareSquareSimulator({
      invoices: 30,
      apiKeys: { [secrets.caresquare]: { planManagerIds: [planManagerId] } }
    })
    const yeti = await startYetiSimulator({ invoices: 60, users: { ops: { password: secrets.yeti } } })
    const lynkwell = await startLynkwellSimulator({ invoices: 60, clients: { 'client-1': { secret: secrets.lynkwell } } })
    closers.push(hoursmith.close, caresquare.close, yeti.close, lynkwell.close)
    const keychain = realKeychain()

    const testCore = await openTestCore((dataDir) => ({ secrets: keychain, clock: systemClock, exportDir: join(dataDir, 'downloads') }))
    closers.push(testCore.close)
    const { core, dir } = testCore
    const dispatch = createDispatch(createHandlers(core, '9.8.7'), core.log.error)
    const added = [
      await core.accounts.add({ provider: 'hoursmith', name: 'H', baseUrl: hoursmith.baseUrl, secret: secrets.hoursmith }),
      await core.accounts.add({
        provider: 'caresquare',
        name: 'C',
        baseUrl: caresquare.baseUrl,
        options: { planManagerIds: [planManagerId] },
        secret: secrets.caresquare
      }),
      await core.accounts.add({ provider: 'yeti', name: 'Y', baseUrl: yeti.baseUrl, options: { login: 'ops' }, secret: secrets.yeti }),
      await core.accounts.add({
        provider: 'lynkwell',
        name: 'L',
        baseUrl: lynkwell.baseUrl,
        options: { clientId: 'client-1', tokenUrl: lynkwell.tokenUrl },
        secret: secrets.lynkwell
      })
    ]
    closers.push(async () => {
      for (const account of added) {
        await keychain.delete(account.id)
        await keychain.delete(accessTokenEntry(account.id))
      }
    })
    expect((await core.sync.run()).map((outcome) => outcome.ok)).toEqual([true, true, true, true])
    const accessToken = (JSON.parse((await keychain.get(accessTokenEntry(added[3]!.id)))!) as { value: string }).value
    const counterparties = [
      ...new Set(
        core.invoices
          .list({ includeRemoved: true, offset: 0, limit: 500 })
          .items.map((item) => item.counterparty)
          .filter((name): name is string => name !== null && name.length >= 6 && name !== 'string')
      )
    ]
    // ("string" is the Lynkwell reference's placeholder, also a word in any validation reason.)
    expect(counterparties.length).toBeGreaterThan(20)

    // skipCheck: replacing a token tests the new one first, and these are wrong on purpose.
    for (const account of added)
      await core.accounts.replaceSecret(account.id, wrong[account.provider as keyof typeof wrong], { skipCheck: true })
    expect((await core.sync.run()).every((outcome) => !outcome.ok && outcome.error?.code === 'PROVIDER_AUTH')).toBe(true)

    // An unexpected error inside a handler: the person gets the generic message, the log the stack.
    const failing = createDispatch(
      {
        ...createHandlers(core, '9.8.7'),
        'accounts.list': async () => {
          throw new TypeError(`boom ${secrets.hoursmith}`)
        }
      },
      core.log.error
    )
    const internal = await failing('accounts.list', {})
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('quire logs') } })

    const log = readFileSync(join(dir.path, 'logs', 'quire.log'), 'utf8')
    const lines = log.split('\n')
    const summaries = (verdict: 'sync finished' | 'sync failed'): Record<string, unknown>[] =>
      lines
        .filter((line) => line.includes(`] ${verdict} {`) || line.includes(`]  ${verdict} {`))
        .map((line) => JSON.parse(line.slice(line.indexOf('{'))) as Record<string, unknown>)
    const finished = summaries('sync finished')
    expect(finished.map((summary) => summary.provider).sort()).toEqual(['caresquare', 'hoursmith', 'lynkwell', 'yeti'])
    for (const summary of finished) {
      expect(summary).toMatchObject({ ok: true, errorCode: null })
      for (const count of ['pages', 'requests', 'upserted', 'skipped', 'removed', 'durationMs'])
        expect(typeof summary[count], `${count} in ${JSON.stringify(summary)}`).toBe('number')
      expect(summary.upserted as number).toBeGreaterThan(0)
    }
    expect(finished.find((summary) => summary.provider === 'hoursmith')!.skipped as number).toBeGreaterThan(0)
    expect(summaries('sync failed').map((summary) => summary.errorCode)).toEqual([
      'PROVIDER_AUTH',
      'PROVIDER_AUTH',
      'PROVIDER_AUTH',
      'PROVIDER_AUTH'
    ])
    expect(log).toMatch(/IPC accounts\.list failed\nTypeError: boom \[redacted\]\n\s+at /)

    // Settings in a host without a desktop shell: the path is shown, the folder cannot be opened.
    expect(await dispatch('logs.location', {})).toEqual({
      ok: true,
      value: { dir: join(dir.path, 'logs'), file: join(dir.path, 'logs', 'quire.log'), canOpenFolder: false }
    })
    expect(await dispatch('logs.openFolder', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const saved = (await dispatch('diagnostics.save', {})) as { ok: true; value: { path: string } }
    expect(saved.value.path).toMatch(new RegExp(`^${join(dir.path, 'downloads', 'quire-diagnostics-')}.*\\.zip$`))
    expect(JSON.parse((await readZip(saved.value.path)).get('versions.json')!.toString())).toMatchObject({ app: '9.8.7' })

    const bundle = join(dir.path, 'support.zip')
    await core.close()
    const cli = await cliInProcess(dir.path, keychain, ['diagnostics', '--out', bundle])
    expect(cli.code, cli.stderr).toBe(0)
    const entries = await readZip(bundle)
    expect([...entries.keys()].sort()).toEqual([
      'accounts.json',
      'invoices.json',
      'logs/quire.log',
      'skipped-records.json',
      'sync-runs.json',
      'versions.json'
    ])
    const versions = JSON.parse(entries.get('versions.json')!.toString()) as Record<string, unknown>
    expect(versions).toMatchObject({
      app: '0.1.0',
      electron: null,
      sqlite: expect.stringMatching(/^3\.\d+/),
      schemaVersion: expect.any(Number),
      invoiceDetailsIncluded: false
    })
    const accounts = JSON.parse(entries.get('accounts.json')!.toString()) as { name: string; lastError: string | null; invoices: number }[]
    expect(accounts.map((account) => account.name)).toEqual(['C', 'H', 'L', 'Y'])
    for (const account of accounts) expect(account.lastError).toBeTruthy()
    expect(JSON.parse(entries.get('invoices.json')!.toString())[0].total).toBe('‹masked›')
    expect(entries.get('logs/quire.log')!.toString()).toContain('sync finished')

    const withDetails = join(dir.path, 'support-details.zip')
    expect((await cliInProcess(dir.path, keychain, ['diagnostics', '--out', withDetails, '--include-invoice-details'])).code).toBe(0)
    const detailed = await readZip(withDetails)
    expect(JSON.parse(detailed.get('invoices.json')!.toString())[0].total).toMatch(/^-?\d+$/)
    // The counterparty check below has teeth: with details, the skipped records do name them.
    const detailedSkips = detailed.get('skipped-records.json')!.toString()
    expect(counterparties.some((counterparty) => detailedSkips.includes(counterparty))).toBe(true)
    expect((JSON.parse(entries.get('skipped-records.json')!.toString()) as unknown[]).length).toBeGreaterThan(0)

    const everySecret = [...Object.values(secrets), ...Object.values(wrong), accessToken]
    const logText = [log, readFileSync(join(dir.path, 'logs', 'quire.log'), 'utf8')].join('\n')
    for (const secret of everySecret) expect(logText.includes(secret), 'a secret in the log').toBe(false)
    expect(logText).not.toMatch(/\beyJ[\w-]+\.[\w-]+\./)
    for (const [name, content] of entries) {
      const text = content.toString('utf8')
      for (const secret of everySecret) expect(text.includes(secret), `a secret in ${name}`).toBe(false)
      for (const counterparty of counterparties)
        expect(text.includes(counterparty), `counterparty “${counterparty}” in ${name}`).toBe(false)
    }

    const where = await cliInProcess(dir.path, keychain, ['logs', '--path'])
    expect(where.stdout.trim()).toBe(join(dir.path, 'logs', 'quire.log'))
    const tail = await cliInProcess(dir.path, keychain, ['logs', '--lines', '3'])
    expect(tail.code).toBe(0)
    expect(tail.stdout.trimEnd().split('\n')).toHaveLength(3)
    expect(tail.stdout).toContain('diagnostics bundle written')
  })
})
