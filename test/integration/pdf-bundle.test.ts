import { createHash } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import yauzl from 'yauzl'
import type { Core } from '../../main/app/create-core'
import { isAppError } from '../../main/base/errors'
import { drawProviderPdf } from '../../main/simulators/shared/provider-pdf'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { cliInProcess } from '../helpers/cli-in-process'
import { parseCsv } from '../helpers/csv'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'

const PASSWORD = 'yeti-pw-bundle-1'
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** Every entry of a ZIP, read back with yauzl (yazl's reader): name → bytes. */
function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const entries = new Map<string, Buffer>()
      zip.on('error', reject)
      zip.on('end', () => resolve(entries))
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks))
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}

describe('the auditor bundle: a ZIP of PDFs with a manifest', () => {
  let testCore: TestCore
  let dir: TestCore['dir']
  let yeti: YetiSimulator
  let core: Core
  let accountId: string
  let online = true
  const secrets = new MemorySecrets()
  /** The bytes the simulator serves, by invoice id, for the invoices that have a PDF. */
  const served = new Map<string, Uint8Array>()

  beforeAll(async () => {
    yeti = await startYetiSimulator({ invoices: 30, seed: 5, users: { ops: { password: PASSWORD } } })
    const approved = yeti.invoices.filter((invoice) => invoice.state === 'approved')
    for (const invoice of approved) invoice.attributes['has-pdf'] = false
    for (const invoice of approved.slice(0, 4)) {
      invoice.attributes['has-pdf'] = true
      const bytes = await drawProviderPdf({
        issuer: 'Yeti-Switch billing',
        title: `Invoice ${invoice.attributes.reference ?? invoice.id}`,
        facts: [],
        items: [],
        total: invoice.attributes['amount-spent']
      })
      yeti.pdfOverrides.set(invoice.id, bytes)
      served.set(invoice.id, bytes)
    }
    testCore = await openTestCore((dataDir) => ({ secrets, exportDir: join(dataDir, 'exports'), isOnline: () => online }))
    dir = testCore.dir
    core = testCore.core
    accountId = (
      await core.accounts.add({ provider: 'yeti', name: 'Ops', baseUrl: yeti.baseUrl, secret: PASSWORD, options: { login: 'ops' } })
    ).id
    expect((await core.sync.run()).every((outcome) => outcome.ok)).toBe(true)
  })

  afterAll(async () => {
    await testCore?.close()
    await yeti?.close()
  })

  const manifestOf = (entries: Map<string, Buffer>): Record<string, string>[] => {
    const [header, ...rows] = parseCsv(entries.get('manifest.csv')!.toString('utf8'))
    return rows.map((row) => Object.fromEntries(header!.map((name, k) => [name, row[k]!])))
  }

  it('holds every provider PDF byte for byte, generates the rest, and its manifest hashes match the files', async () => {
    const progress: { written: number; total: number }[] = []
    const path = join(dir.path, 'ops.zip')
    const counts = await core.bundles.write({ query: { accountId, includeRemoved: false } }, path, { onProgress: (p) => progress.push(p) })
    const listed = core.invoices.list({ accountId, includeRemoved: false, offset: 0, limit: 500 })
    expect(counts).toEqual({ invoices: listed.total, provider: served.size, generated: listed.total - served.size })
    expect(progress.at(-1)).toEqual({ written: listed.total, total: listed.total })

    const entries = await readZip(path)
    expect([...entries.keys()].filter((name) => !name.endsWith('.pdf')).sort()).toEqual(['README.txt', 'manifest.csv'])
    const manifest = manifestOf(entries)
    expect(Object.keys(manifest[0]!)).toEqual([
      'account',
      'provider',
      'remoteId',
      'number',
      'counterparty',
      'issueDate',
      'currency',
      'total',
      'source',
      'sha256',
      'file',
      'syncedAt',
      'note'
    ])
    expect(manifest.map((row) => row.remoteId).sort()).toEqual(listed.items.map((item) => item.remoteId).sort())
    for (const row of manifest) {
      const file = entries.get(row.file!)
      expect(file, row.file).toBeDefined()
      expect(sha256(file!)).toBe(row.sha256)
      const original = served.get(row.remoteId!)
      if (original) {
        expect(row.source).toBe('provider')
        expect(row.sha256).toBe(sha256(original))
      } else {
        expect(row.source).toBe('generated')
      }
      expect(row.file).toMatch(/^\d{4}-\d{2}-\d{2} yeti .+\.pdf$/)
    }
    expect(new Set(manifest.map((row) => row.file!.toLowerCase())).size).toBe(manifest.length)
    expect(entries.get('README.txt')!.toString()).toMatch(/generated: the service had no PDF/)
  })

  it('offline, generates what it cannot fetch and says why in the manifest', async () => {
    online = false
    const offlineTestCore = await openTestCore({ secrets, isOnline: () => online })
    const { core: offline, dir: fresh } = offlineTestCore
    try {
      // The same account in a cache with no PDF downloaded yet: copy its rows over by syncing while online.
      online = true
      const id = (
        await offline.accounts.add({ provider: 'yeti', name: 'Ops', baseUrl: yeti.baseUrl, secret: PASSWORD, options: { login: 'ops' } })
      ).id
      expect((await offline.sync.run()).every((outcome) => outcome.ok)).toBe(true)
      online = false
      const path = join(fresh.path, 'offline.zip')
      const counts = await offline.bundles.write({ query: { accountId: id, includeRemoved: false } }, path)
      expect(counts.provider).toBe(0)
      const manifest = manifestOf(await readZip(path))
      const withPdf = manifest.filter((row) => served.has(row.remoteId!))
      expect(withPdf).toHaveLength(served.size)
      for (const row of withPdf)
        expect(row).toMatchObject({
          source: 'generated',
          note: expect.stringMatching(/^You are offline, so Yeti-Switch’s own PDF could not be downloaded\./)
        })
    } finally {
      online = true
      await offlineTestCore.close()
    }
  })

  it('leaves nothing behind when cancelled', async () => {
    const exports = join(dir.path, 'exports')
    const running = core.bundles.toFile({ query: { includeRemoved: false } })
    core.bundles.cancel()
    const error = await running.catch((caught: unknown) => caught)
    expect(isAppError(error, 'CANCELLED')).toBe(true)
    expect(existsSync(exports) ? readdirSync(exports) : []).toEqual([])
    // And a bundle made afterwards is whole, under a fresh name.
    const done = await core.bundles.toFile({ query: { includeRemoved: false } })
    expect(readdirSync(exports)).toEqual([done.path.split('/').at(-1)])
  })

  it('is written by `quire export --format zip --out FILE` with the list filters', async () => {
    await core.close()
    const out = join(dir.path, 'cli.zip')
    const { code, stderr } = await cliInProcess(dir.path, secrets, [
      'export',
      '--format',
      'zip',
      '--out',
      out,
      '--account',
      'Ops',
      '--has-pdf'
    ])
    core = await testCore.reopen({ clock: fakeClock() })
    expect(code, stderr).toBe(0)
    expect(stderr).toMatch(new RegExp(`Exported ${served.size} PDFs \\(${served.size} from the provider, 0 generated by Quire\\)`))
    const entries = await readZip(out)
    expect(manifestOf(entries).every((row) => row.source === 'provider')).toBe(true)
    expect(existsSync(`${out}.partial`)).toBe(false)
    const usage = await cliInProcess(dir.path, secrets, ['export', '--format', 'zip'])
    expect(usage.code).toBe(2)
  })
})
