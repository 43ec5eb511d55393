import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { createHandlers } from '../../main/ipc/handlers'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { cliInProcess } from '../helpers/cli-in-process'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'
import { hoursmithToken } from '../helpers/tokens'

describe('local change history', () => {
  let testCore: TestCore
  let core: Core
  let simulator: HoursmithSimulator
  let secrets: MemorySecrets
  const token = hoursmithToken()
  const clock = fakeClock(new Date('2026-11-20T08:00:00Z'))

  beforeEach(async () => {
    simulator = await startHoursmithSimulator({ invoices: 300, seed: 9, tokens: { [token]: {} } })
    secrets = new MemorySecrets()
    testCore = await openTestCore({ secrets, clock })
    core = testCore.core
  })
  afterEach(async () => {
    await testCore.close()
    await simulator.close()
  })

  it('records status, amount and tombstone changes with the sync time, and shows them in the detail', async () => {
    const account = await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    await core.sync.run()
    const paidLater = simulator.invoices.find((i) => i.status === 'SENT' && i.deletedAt === null)!
    const before = { total: paidLater.total }
    Object.assign(paidLater, {
      status: 'PAID',
      paymentStatus: 'paid',
      amountPaid: '1.00',
      total: '1.00',
      updatedAt: '2026-11-21T00:00:00Z'
    })
    const vanished = simulator.invoices.splice(
      simulator.invoices.findIndex((i) => i.deletedAt === null && i !== paidLater),
      1
    )[0]!
    simulator.changed()
    const secondSync = clock.now().toISOString()
    await core.sync.run(undefined, { full: true })

    const getInvoice = createHandlers(core, 'test')['invoices.get']
    const detail = await getInvoice({ accountId: account.id, remoteId: paidLater.id })
    expect(detail.history).toEqual([
      { at: secondSync, field: 'status', before: 'open', after: 'paid' },
      { at: secondSync, field: 'paymentStatus', before: expect.any(String), after: 'paid' },
      { at: secondSync, field: 'total', before: before.total, after: '1.00' },
      { at: secondSync, field: 'paid', before: expect.any(String), after: '1.00' }
    ])
    const gone = await getInvoice({ accountId: account.id, remoteId: vanished.id })
    expect(gone.history).toEqual([{ at: secondSync, field: 'removed', before: 'false', after: 'true' }])

    await core.sync.run()
    const again = await getInvoice({ accountId: account.id, remoteId: paidLater.id })
    expect(again.history).toHaveLength(4)

    // The history belongs to the invoice, not to one host: the CLI shows the same.
    const shown = await cliInProcess(testCore.dir.path, secrets, ['invoices', 'show', `Studio/${paidLater.id}`, '--json'])
    expect(shown.code).toBe(0)
    expect((JSON.parse(shown.stdout) as { history: unknown[] }).history).toEqual(again.history)
  })
})
