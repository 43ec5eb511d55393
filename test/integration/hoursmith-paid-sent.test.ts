import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ExportRequest } from '../../preload/contract'
import { createCore, type Core } from '../../main/app/create-core'
import { EventHub } from '../../main/base/events'
import { systemClock } from '../../main/base/clock'
import { ExportService } from '../../main/services/export.service'
import { hoursmithDataset } from '../../main/simulators/hoursmith/dataset'
import { startHoursmithSimulator, type HoursmithSimulator } from '../../main/simulators/hoursmith/server'
import { parseCsv } from '../helpers/csv'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { hoursmithToken } from '../helpers/tokens'

/**
 * Hoursmith's paidAt and sentAt are instants in its reference (seed 003: "2019-08-24T14:15:22Z"),
 * and the simulator sends them so. They reach the list, the detail and the CSV as UTC instants.
 */
describe('Hoursmith paidAt and sentAt, synced through the simulator', () => {
  let dir: ReturnType<typeof tempDir>
  let core: Core
  let simulator: HoursmithSimulator
  const token = hoursmithToken()
  const invoices = hoursmithDataset({ count: 40, seed: 11, deletedShare: 0 })
  // An instant with an offset, as ISO 8601 allows: the same moment, stored in UTC.
  invoices[0] = { ...invoices[0]!, status: 'PAID', paidAt: '2025-03-31T20:30:00-05:00', sentAt: '2025-03-01T09:00:00+10:00' }

  beforeAll(async () => {
    dir = tempDir()
    simulator = await startHoursmithSimulator({ invoices, tokens: { [token]: { plan: 'studio', role: 'owner' } } })
    core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets() })
    await core.accounts.add({ provider: 'hoursmith', name: 'Studio', baseUrl: simulator.baseUrl, secret: token })
    const [outcome] = await core.sync.run()
    expect(outcome).toMatchObject({ ok: true, upserted: 40 })
  })
  afterAll(async () => {
    await core?.close()
    await simulator?.close()
    dir?.remove()
  })

  const utc = (instant: string | null | undefined): string | null => (instant == null ? null : new Date(instant).toISOString())

  it('carries them into the list as UTC instants, null where the invoice has none, and sorts by them', () => {
    const items = core.invoices.list({ includeRemoved: false, offset: 0, limit: 100 }).items
    expect(items).toHaveLength(40)
    for (const wire of invoices) {
      const item = items.find((i) => i.remoteId === wire.id)!
      expect({ paidAt: item.paidAt, sentAt: item.sentAt }).toEqual({ paidAt: utc(wire.paidAt), sentAt: utc(wire.sentAt) })
    }
    expect(items.find((i) => i.remoteId === invoices[0]!.id)).toMatchObject({
      paidAt: '2025-04-01T01:30:00.000Z',
      sentAt: '2025-02-28T23:00:00.000Z'
    })
    expect(items.some((i) => i.paidAt === null) && items.some((i) => i.paidAt !== null)).toBe(true)

    const byPaid = core.invoices.list({ includeRemoved: false, offset: 0, limit: 100, sort: { column: 'paidAt', direction: 'desc' } }).items
    const paid = byPaid.map((i) => i.paidAt).filter((at): at is string => at !== null)
    expect(paid).toEqual([...paid].sort().reverse())
    // Descending puts the invoices without one last.
    expect(byPaid.slice(paid.length).every((i) => i.paidAt === null)).toBe(true)
  })

  it('shows them in the detail', () => {
    const account = core.accounts.list()[0]!
    expect(core.invoices.get(account.id, invoices[0]!.id)).toMatchObject({
      paidAt: '2025-04-01T01:30:00.000Z',
      sentAt: '2025-02-28T23:00:00.000Z'
    })
  })

  it('exports them as paid_on and sent_on, after every column that was there before', async () => {
    const exports = new ExportService(join(dir.path, 'quire.sqlite3'), systemClock, new EventHub(), join(dir.path, 'exports'))
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (chunk: Buffer) => chunks.push(chunk))
    await exports.write(ExportRequest.parse({ query: {} }), out, {})
    const [header, ...rows] = parseCsv(Buffer.concat(chunks).toString('utf8'))
    expect(header!.slice(-3)).toEqual(['synced_at', 'paid_on', 'sent_on'])
    const column = (name: string): number => header!.indexOf(name)
    for (const wire of invoices) {
      const row = rows.find((r) => r[column('remote_id')] === wire.id)!
      expect([row[column('paid_on')], row[column('sent_on')]]).toEqual([utc(wire.paidAt) ?? '', utc(wire.sentAt) ?? ''])
    }
  })
})
