import { spawn } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { systemClock } from '../../main/base/clock'
import { toScaled, fromScaled } from '../../main/money/decimal'
import type { HoursmithWireInvoice } from '../../main/providers/hoursmith/schemas'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import type { BadRecord } from '../../main/simulators/shared/bad-records'
import { realKeychain } from '../helpers/keychain'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

/** The CLI as a real process (the simulator serves from this one), as cli.test.ts runs it. */
function quire(args: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'quire', '--', ...args], { env: process.env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') }))
    child.stdin.end(input)
  })
}

describe('records Quire cannot read, mixed among good ones (Hoursmith simulator, bad-records mode)', () => {
  let testCore: TestCore
  let dir: TestCore['dir']
  let core: Core
  let simulator: HoursmithSimulator
  const token = hoursmithToken()
  const keychain = realKeychain()
  const bad = (label: string): BadRecord => simulator.badRecords.find((record) => record.label === label)!
  const good = (): HoursmithWireInvoice[] =>
    simulator.invoices.filter((invoice) => !simulator.badRecords.some((record) => record.record === (invoice as unknown)))

  beforeEach(async () => {
    simulator = await startHoursmithSimulator({
      invoices: 250,
      seed: 11,
      badRecords: true,
      tokens: { [token]: { plan: 'studio', role: 'owner' } }
    })
    testCore = await openTestCore({ secrets: keychain, clock: systemClock })
    dir = testCore.dir
    core = testCore.core
  })

  afterEach(async () => {
    for (const account of core.accounts.list()) await core.accounts.remove(account.id)
    await testCore.close()
    await simulator.close()
  })

  it('keeps every good record exactly, keeps the unreadable total/currency/status as unknowns, and skips the rest with reasons', async () => {
    // A secret inside a record must never be kept in the skipped record's raw text.
    bad('deep').record.notes = `pasted by mistake: ${token}`
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    const [outcome] = await core.sync.run()

    const skippedLabels = simulator.badRecords.filter((record) => record.outcome === 'skipped')
    expect(outcome).toMatchObject({ ok: true, error: null, skipped: skippedLabels.length })
    expect(outcome!.skippedRecords.map((record) => [record.remoteId, record.field]).sort()).toEqual(
      [
        [null, 'id'],
        ['bad-huge-amount', 'total'],
        ['bad-huge-text', 'notes'],
        ['bad-deep', 'nested']
      ].sort()
    )
    for (const record of outcome!.skippedRecords) {
      expect(record.page).toBeGreaterThanOrEqual(1)
      expect(record.reason.length).toBeGreaterThan(10)
    }
    expect(outcome!.skippedRecords.find((record) => record.field === 'total')!.reason).toMatch(/10\^14/)

    // Every good record, exactly as sent.
    for (const wire of good()) {
      const cached = core.invoices.get(account.id, wire.id)
      expect(cached.total).toBe(wire.total)
      expect(cached.currency).toBe(wire.currency.toUpperCase())
      expect(cached.removed).toBe(wire.deletedAt !== null)
    }
    // Kept, with what could not be read unknown.
    for (const label of ['null-total', 'malformed-total'])
      expect(core.invoices.get(account.id, bad(label).id!)).toMatchObject({ total: null, tax: null })
    expect(core.invoices.get(account.id, 'bad-no-currency')).toMatchObject({ currency: 'XXX', total: bad('no-currency').record.total })
    expect(core.invoices.get(account.id, 'bad-status-number')).toMatchObject({ status: 'unknown', rawStatus: null })

    // The totals leave the two unknown amounts out of the sum and say so.
    const liveGood = good().filter((invoice) => invoice.deletedAt === null)
    const unknownCurrencies = ['null-total', 'malformed-total'].map((label) => String(bad(label).record.currency).toUpperCase())
    // Void and draft counted too: the good records' sums are of every status.
    const totals = core.invoices.totals({ includeRemoved: false, includeVoidAndDraft: true })
    for (const total of totals.filter((row) => row.currency !== 'XXX')) {
      const same = liveGood.filter((invoice) => invoice.currency.toUpperCase() === total.currency)
      const expectedSum =
        same.reduce((sum, invoice) => sum + toScaled(invoice.total), 0n) +
        (bad('status-number').record.currency === total.currency ? toScaled(String(bad('status-number').record.total)) : 0n)
      expect(total.total).toBe(fromScaled(expectedSum))
      expect(total.withoutAmount ?? 0).toBe(unknownCurrencies.filter((currency) => currency === total.currency).length)
    }

    // Held back, listed with the reason and the record, secrets redacted, bulk cut.
    const held = core.skipped.list(account.id, 100)
    expect(held).toHaveLength(skippedLabels.length)
    const deep = held.find((record) => record.remoteId === 'bad-deep')!
    expect(deep.raw).not.toContain(token)
    expect(deep.raw).toContain('[redacted]')
    for (const record of held) expect(record.raw.length).toBeLessThan(20_000)
    expect(core.accounts.list()[0]!.skippedCount).toBe(skippedLabels.length)
  })

  it('retries skipped records every sync: a fixed one becomes an invoice, and a cached one sent unreadable is never tombstoned', async () => {
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    await core.sync.run()
    const victim = good().find((invoice) => invoice.deletedAt === null)!
    const before = core.invoices.get(account.id, victim.id)

    // The provider breaks a cached invoice and the id-less record; a repeat sync keeps one row each.
    const originalTotal = victim.total
    victim.total = `9${'0'.repeat(20)}`
    simulator.changed()
    const [second] = await core.sync.run(undefined, { full: true })
    expect(second).toMatchObject({ ok: true, removed: 0 })
    expect(core.invoices.get(account.id, victim.id)).toMatchObject({ removed: false, total: before.total })
    expect(core.skipped.list(account.id, 100).map((record) => record.remoteId)).toContain(victim.id)
    expect(core.skipped.list(account.id, 100).filter((record) => record.remoteId === null)).toHaveLength(1)

    // Both fixed upstream: they arrive as invoices and leave the list of skipped records.
    victim.total = originalTotal
    bad('huge-amount').record.total = '12.00'
    simulator.changed()
    const [third] = await core.sync.run(undefined, { full: true })
    expect(third).toMatchObject({ ok: true, skipped: simulator.badRecords.filter((record) => record.outcome === 'skipped').length - 1 })
    expect(core.invoices.get(account.id, 'bad-huge-amount').total).toBe('12.00')
    const heldIds = core.skipped.list(account.id, 100).map((record) => record.remoteId)
    expect(heldIds).not.toContain('bad-huge-amount')
    expect(heldIds).not.toContain(victim.id)
  })

  it('sync --json reports skips and exits 0; the human output warns once per account; quire skipped lists them', async () => {
    await core.close()
    try {
      await cliRun()
    } finally {
      await quire(['--data-dir', dir.path, 'accounts', 'remove', 'Studio'])
      core = await testCore.reopen()
    }
    // Each CLI call is a new process through npm and tsx: seconds apiece on a busy machine.
  }, 300_000)

  async function cliRun(): Promise<void> {
    const add = await quire(
      [
        '--data-dir',
        dir.path,
        'accounts',
        'add',
        '--provider',
        'hoursmith',
        '--name',
        'Studio',
        '--base-url',
        simulator.baseUrl,
        '--secret-stdin'
      ],
      `${token}\n`
    )
    expect(add.code).toBe(0)
    const json = await quire(['--data-dir', dir.path, 'sync', '--json'])
    expect(json.code).toBe(0)
    const [outcome] = JSON.parse(json.stdout) as {
      skipped: number
      skippedRecords: { remoteId: string | null; page: number; field: string; reason: string }[]
    }[]
    expect(outcome!.skipped).toBe(4)
    expect(Object.keys(outcome!.skippedRecords[0]!).sort()).toEqual(['field', 'page', 'reason', 'remoteId'])

    const human = await quire(['--data-dir', dir.path, 'sync', '--full'])
    expect(human.code).toBe(0)
    expect(human.stderr.split('\n').filter((line) => line.includes('warning'))).toEqual([
      expect.stringMatching(/^quire: warning: Studio: 4 records could not be read/)
    ])

    const listed = await quire(['--data-dir', dir.path, 'skipped', '--account', 'Studio', '--json'])
    expect(listed.code).toBe(0)
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBe(4)
    const text = await quire(['--data-dir', dir.path, 'skipped'])
    expect(text.stdout).toMatch(/Studio\/bad-huge-amount — page \d+, total: /)
    expect(text.stderr).toMatch(/reads these again on every sync/)
  }
})

describe('a decompression bomb (a small gzip page that unpacks to 256 MB)', () => {
  it('fails its own account quickly, with bounded memory, and the other account syncs', async () => {
    const token = hoursmithToken()
    const otherToken = hoursmithToken()
    const keychain = realKeychain()
    let bombsSent = 0
    const bomb = await startHoursmithSimulator({
      invoices: 50,
      tokens: { [token]: {} },
      faults: ({ path }) => (path.endsWith('/invoices') ? (bombsSent++, { kind: 'gzipBomb', megabytes: 256 }) : null)
    })
    const fine = await startHoursmithSimulator({ invoices: 50, tokens: { [otherToken]: {} } })
    const bombTestCore = await openTestCore({ secrets: keychain, clock: systemClock })
    const { core } = bombTestCore
    try {
      await core.accounts.add({ provider: 'hoursmith', name: 'Bombed', baseUrl: bomb.baseUrl, secret: token })
      await core.accounts.add({ provider: 'hoursmith', name: 'Fine', baseUrl: fine.baseUrl, secret: otherToken })
      global.gc?.()
      const baseline = process.memoryUsage().rss
      let peak = baseline
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
      const started = Date.now()
      const outcomes = await core.sync.run()
      clearInterval(sampler)
      const seconds = (Date.now() - started) / 1000

      const bombed = outcomes.find((outcome) => outcome.account === 'Bombed')!
      expect(bombed.ok).toBe(false)
      expect(bombed.error).toMatchObject({ code: 'PROVIDER_RESPONSE_TOO_LARGE', message: expect.stringMatching(/more than 32 MB/) })
      expect(outcomes.find((outcome) => outcome.account === 'Fine')).toMatchObject({ ok: true, upserted: 50 })
      // Not retried: one request to the bomb's list, and over in seconds, not the 11 s it took.
      expect(bombsSent).toBe(1)
      expect(seconds).toBeLessThan(8)
      // The cap is 32 MB; everything past it was never held.
      expect((peak - baseline) / (1024 * 1024)).toBeLessThan(160)
    } finally {
      for (const account of core.accounts.list()) await core.accounts.remove(account.id)
      await bombTestCore.close()
      await bomb.close()
      await fine.close()
    }
  })
})
