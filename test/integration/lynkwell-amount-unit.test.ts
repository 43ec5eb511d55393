import { afterAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../main/base/clock'
import { fromMinorUnits, toScaled } from '../../main/money/decimal'
import { mapLynkwellInvoice } from '../../main/providers/lynkwell/map'
import { LynkwellInvoice } from '../../main/providers/lynkwell/schemas'
import { startLynkwellSimulator } from '../../main/simulators/lynkwell/server'
import { cliInProcess } from '../helpers/cli-in-process'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { openTestCore } from '../helpers/test-core'

const CLIENT_ID = 'unit-client'
const SECRET = 'lw-amount-unit-secret'

describe('Lynkwell amount unit (major by default, minor by account option)', () => {
  const closers: (() => unknown)[] = []
  afterAll(async () => {
    for (const close of closers) await close()
  })

  it('moves the decimal point exactly by the currency’s minor digits', () => {
    expect(fromMinorUnits('12345', 2)).toBe('123.45')
    expect(fromMinorUnits('5', 2)).toBe('0.05')
    expect(fromMinorUnits('-7', 2)).toBe('-0.07')
    expect(fromMinorUnits('0', 2)).toBe('0.00')
    expect(fromMinorUnits('12.5', 2)).toBe('0.125')
    expect(fromMinorUnits('500', 0)).toBe('500')
    const wire = LynkwellInvoice.parse({
      id: 'in_1',
      status: 'OPEN',
      subTotal: 12345,
      taxTotal: 55,
      currency: 'jpy',
      subscriptionItems: [{ total: 999 }]
    })
    expect(mapLynkwellInvoice(wire, {}, 'minor')).toMatchObject({ subtotal: '12345', tax: '55', total: '12400.00' })
    const usd = LynkwellInvoice.parse({ ...wire, currency: 'usd' })
    const minor = mapLynkwellInvoice(usd, {}, 'minor')
    expect(minor).toMatchObject({ subtotal: '123.45', tax: '0.55', total: '124.00' })
    expect(minor.lineItems[0]!.amount).toBe('9.99')
    expect(mapLynkwellInvoice(usd, {})).toMatchObject({ subtotal: '12345', total: '12400.00' })
  })

  it('syncs one provider twice: the minor-unit account shows every amount a hundredth of the major one, and says so', async () => {
    const simulator = await startLynkwellSimulator({ invoices: 40, seed: 6, clients: { [CLIENT_ID]: { secret: SECRET } } })
    const secrets = new MemorySecrets()
    const testCore = await openTestCore({ secrets, clock: systemClock })
    closers.push(simulator.close, testCore.close)
    const { core, dir } = testCore
    const options = { clientId: CLIENT_ID, tokenUrl: simulator.tokenUrl }
    const major = await core.accounts.add({ provider: 'lynkwell', name: 'Dollars', baseUrl: simulator.baseUrl, secret: SECRET, options })
    const minor = await core.accounts.add({
      provider: 'lynkwell',
      name: 'Cents',
      baseUrl: simulator.baseUrl,
      secret: SECRET,
      options: { ...options, amountUnit: 'minor' }
    })
    expect(major.options.amountUnit).toBe('major')
    expect(minor.options.amountUnit).toBe('minor')
    expect((await core.sync.run()).every((outcome) => outcome.ok)).toBe(true)

    const totals = (accountId: string): Map<string, string> => {
      const page = core.invoices.list({ accountId, includeRemoved: false, offset: 0, limit: 100 })
      return new Map(page.items.filter((item) => item.currency === 'USD').map((item) => [item.remoteId, item.total ?? '']))
    }
    const dollars = totals(major.id)
    const cents = totals(minor.id)
    expect(dollars.size).toBeGreaterThan(10)
    // Exactly a hundredth, compared as scaled integers (a cent-level total keeps more places).
    for (const [remoteId, total] of dollars) expect(toScaled(cents.get(remoteId)!) * 100n, remoteId).toBe(toScaled(total))
    await core.close()

    const listed = await cliInProcess(dir.path, secrets, ['accounts', 'list', '--json'])
    const summaries = JSON.parse(listed.stdout) as { name: string; options: { amountUnit?: string } }[]
    expect(summaries.find((account) => account.name === 'Cents')!.options.amountUnit).toBe('minor')
  })

  it('refuses an amount unit it does not know, before asking for the secret', async () => {
    const dir = tempDir('quire-lynkwell-unit-cli-')
    closers.push(dir.remove)
    const result = await cliInProcess(dir.path, new MemorySecrets(), [
      'accounts',
      'add',
      '--provider',
      'lynkwell',
      '--name',
      'X',
      '--client-id',
      'c',
      '--amount-unit',
      'cents',
      '--secret-stdin'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^quire: --amount-unit: .*"major"\|"minor"/)
  })
})
