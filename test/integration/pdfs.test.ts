import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { createDispatch } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import type { DesktopShell } from '../../main/pdfs/desktop-shell'
import { PdfCacheRepo } from '../../main/pdfs/pdf-cache.repo'
import { evictToFit } from '../../main/pdfs/pdf-quota'
import { PdfStore } from '../../main/pdfs/pdf-store'
import { GENERATED_MARK } from '../../main/pdfs/render-invoice-pdf'
import { startLynkwellSimulator, type LynkwellSimulator } from '../../main/simulators/lynkwell/server'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { fakeClock } from '../helpers/fake-clock'
import { MemorySecrets } from '../helpers/memory-secrets'
import { openTestCore, type TestCore } from '../helpers/test-core'

const YETI_PASSWORD = 'yeti-pw-4b7d9e1f'
const LYNKWELL_CLIENT = 'quire-pdf-test'
const LYNKWELL_SECRET = 'lw-secret-0a1b2c3d4e5f60718293a4b5c6d7e8f9'

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('invoice PDFs: verified provider downloads, rendered copies, offline', () => {
  let testCore: TestCore
  let dir: TestCore['dir']
  let yeti: YetiSimulator | null
  let lynkwell: LynkwellSimulator | null
  let core: Core
  let yetiId: string
  let lynkwellId: string
  const clock = fakeClock()
  const secrets = new MemorySecrets()
  /** The desktop host's shell, recording what it was asked to open and save. */
  const shell = { opened: [] as string[], suggested: [] as string[] }
  const desktop: DesktopShell = {
    openPath: async (path) => {
      shell.opened.push(path)
      return ''
    },
    showItemInFolder: (path) => shell.opened.push(path),
    chooseSavePath: async (name) => {
      shell.suggested.push(name)
      return join(dir.path, 'saved copy.pdf')
    }
  }

  /** Approved Yeti invoices by role: ids are fixed once the dataset is generated. */
  const pick = { provider: '', html: '', truncated: '', oversized: '', notYet: '', rendered: '', uncached: '' }

  beforeAll(async () => {
    yeti = await startYetiSimulator({ invoices: 40, seed: 7, users: { ops: { password: YETI_PASSWORD } } })
    lynkwell = await startLynkwellSimulator({ invoices: 12, seed: 4, clients: { [LYNKWELL_CLIENT]: { secret: LYNKWELL_SECRET } } })
    const approved = yeti.invoices.filter(
      (invoice) => invoice.state === 'approved' && invoice.attributes.reference !== null && invoice.attributes['originated-calls-count'] > 0
    )
    const ids = approved.slice(0, 6).map((invoice) => invoice.id)
    Object.assign(pick, { provider: ids[0], html: ids[1], truncated: ids[2], oversized: ids[3], notYet: ids[4], uncached: ids[5] })
    for (const id of [pick.provider, pick.html, pick.truncated, pick.oversized, pick.notYet, pick.uncached])
      yeti.invoices.find((invoice) => invoice.id === id)!.attributes['has-pdf'] = true
    // A Yeti invoice with a full-precision total and no PDF yet: Quire renders it.
    const rendered = approved.find((invoice) => /\.\d{5,}/.test(invoice.attributes['amount-spent']))!
    rendered.attributes['has-pdf'] = false
    pick.rendered = rendered.id
    yeti.pdfFaults.set(pick.html, 'html').set(pick.truncated, 'truncated').set(pick.oversized, 'oversized').set(pick.notYet, 'missing')

    testCore = await openTestCore({ secrets, clock, desktop })
    dir = testCore.dir
    core = testCore.core
    yetiId = (
      await core.accounts.add({ provider: 'yeti', name: 'Ops', baseUrl: yeti.baseUrl, secret: YETI_PASSWORD, options: { login: 'ops' } })
    ).id
    lynkwellId = (
      await core.accounts.add({
        provider: 'lynkwell',
        name: 'Fleet',
        baseUrl: lynkwell.baseUrl,
        secret: LYNKWELL_SECRET,
        options: { clientId: LYNKWELL_CLIENT, tokenUrl: lynkwell.tokenUrl, audience: lynkwell.audience }
      })
    ).id
    expect((await core.sync.run()).every((outcome) => outcome.ok)).toBe(true)
  })

  afterAll(async () => {
    await testCore.close()
    await yeti?.close()
    await lynkwell?.close()
  })

  const pdfFiles = (): string[] => readdirSync(join(dir.path, 'pdfs')).filter((name) => name !== 'incoming')

  it('downloads a provider PDF once, verifies it, and stores it under its SHA-256, never a server name', async () => {
    const before = yeti!.pdfRequests.count
    const first = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    expect(first).toMatchObject({ source: 'provider', notice: null })
    expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(first.sha256).toBe(sha256(first.bytes))
    expect(first.size).toBe(first.bytes.length)
    expect(first.path).toBe(join(dir.path, 'pdfs', `${first.sha256}.pdf`))
    expect(sha256(readFileSync(first.path))).toBe(first.sha256)

    const again = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    expect(again.sha256).toBe(first.sha256)
    expect(yeti!.pdfRequests.count).toBe(before + 1)
    // The simulator names the attachment invoice_<reference>.pdf; only hashes are file names.
    expect(pdfFiles().every((name) => /^[0-9a-f]{64}\.pdf$/.test(name))).toBe(true)
  })

  it('fetches a Lynkwell pdfUrl without the token first, and with it after a 401', async () => {
    const invoice = lynkwell!.invoices.find((candidate, index) => index > 5 && candidate.pdfUrl)!
    lynkwell!.pdfNeedsToken = true
    const pdf = await core.pdfs.open({ accountId: lynkwellId, remoteId: invoice.id })
    expect(pdf).toMatchObject({ source: 'provider', notice: null })
    expect(lynkwell!.pdfRequests).toEqual({ count: 2, withToken: 1 })
  })

  it('rejects an HTML page, a truncated file and an oversized one with clear errors, keeping none of them', async () => {
    const fetch = (remoteId: string) => core.pdfs.original({ accountId: yetiId, remoteId })
    await expect(fetch(pick.html)).rejects.toThrow(
      'Yeti-Switch account “Ops”: the server sent a web page (HTML) labelled as a PDF, so it was not kept.'
    )
    await expect(fetch(pick.truncated)).rejects.toThrow(
      /the PDF is incomplete \(\d+ KB with no %%EOF end marker\): the download was cut off, so it was not kept\./
    )
    await expect(fetch(pick.oversized)).rejects.toThrow(
      'the PDF is over Quire’s 20.0 MB limit, so the download was stopped and nothing was kept.'
    )
    expect(readdirSync(join(dir.path, 'pdfs', 'incoming'))).toEqual([])

    // Opening one still shows the invoice: Quire's own copy, saying why it is not the provider's.
    const opened = await core.pdfs.open({ accountId: yetiId, remoteId: pick.html })
    expect(opened.source).toBe('generated')
    expect(opened.notice).toMatch(
      /^Yeti-Switch’s own PDF could not be used\. .*web page \(HTML\).* This is a copy Quire generated from the synced data instead\.$/
    )
  })

  it('treats Yeti’s 404 with an empty body as “no PDF yet” and renders one meanwhile', async () => {
    await expect(core.pdfs.original({ accountId: yetiId, remoteId: pick.notYet })).rejects.toThrow(
      /^Yeti-Switch has no PDF for invoice .* yet \(it answered 404 with nothing in it\)\. Try again later\.$/
    )
    const opened = await core.pdfs.open({ accountId: yetiId, remoteId: pick.notYet })
    expect(opened.source).toBe('generated')
    expect(opened.notice).toMatch(/^Yeti-Switch has no PDF for this invoice yet; Quire asks again when it is next opened\./)
  })

  it('renders a printable PDF with the number, line items and exact total, marked as generated', async () => {
    const invoice = core.invoices.get(yetiId, pick.rendered)
    const pdf = await core.pdfs.open({ accountId: yetiId, remoteId: pick.rendered })
    expect(pdf).toMatchObject({ source: 'generated', notice: null })
    // Reading order (not layout), so a wrapped description reads as one run of words.
    const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    const plain = text.replace(/[,\s\u00a0]/g, '')
    expect(text).toContain(invoice.number!)
    expect(text).toContain(GENERATED_MARK)
    expect(invoice.lineItems.length).toBeGreaterThan(0)
    for (const line of invoice.lineItems) {
      expect(text).toContain(line.description)
      expect(plain).toContain(line.amount!.replace(/0+$/, ''))
    }
    // Every digit of the total, unrounded, in the invoice's own currency.
    expect(plain).toContain(`Total(${invoice.currency})`)
    expect(plain).toContain(invoice.total!.replace(/0+$/, ''))
    // Rendered from unchanged data, it is the same file: no second render, no second hash.
    expect((await core.pdfs.open({ accountId: yetiId, remoteId: pick.rendered })).sha256).toBe(pdf.sha256)
  })

  it('renders again a copy that an older layout made from the same data', async () => {
    const renderedFrom = () =>
      db
        .prepare<[string], { rendered_from: string }>(
          `SELECT p.rendered_from FROM invoice_pdfs p JOIN invoices i ON i.id = p.invoice_id WHERE i.remote_id = ? AND p.source = 'generated'`
        )
        .get(pick.rendered)!.rendered_from
    const db = new Database(join(dir.path, 'quire.sqlite3'))
    try {
      await core.pdfs.open({ accountId: yetiId, remoteId: pick.rendered })
      const current = renderedFrom()
      expect(current).toMatch(/^layout-\d+@/)
      // What a Quire from before the layout tag stored: the sync time alone (its PDF printed "?" for "ł").
      db.prepare(`UPDATE invoice_pdfs SET rendered_from = ? WHERE rendered_from = ?`).run(current.slice(current.indexOf('@') + 1), current)
      await core.pdfs.open({ accountId: yetiId, remoteId: pick.rendered })
      expect(renderedFrom()).toBe(current)
    } finally {
      db.close()
    }
  })

  it('carries the bytes over IPC as base64 and hands only verified cached files to the system', async () => {
    const dispatch = createDispatch(createHandlers(core, 'test'))
    const result = await dispatch('pdfs.open', { accountId: yetiId, remoteId: pick.provider })
    if (!result.ok) throw new Error(result.error.message)
    const value = result.value as { sha256: string; data: string; desktop: boolean; path?: string }
    expect(sha256(Buffer.from(value.data, 'base64'))).toBe(value.sha256)
    expect(value).toMatchObject({ desktop: true })
    expect(value).not.toHaveProperty('path')

    const ref = { accountId: yetiId, remoteId: pick.provider, sha256: value.sha256 }
    expect(await dispatch('pdfs.openExternal', ref)).toEqual({ ok: true, value: { opened: true } })
    expect(shell.opened).toEqual([join(dir.path, 'pdfs', `${value.sha256}.pdf`)])
    // A hash the invoice does not have (here another invoice's) opens nothing.
    const other = await core.pdfs.open({ accountId: yetiId, remoteId: pick.rendered })
    expect(await dispatch('pdfs.openExternal', { ...ref, sha256: other.sha256 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(shell.opened).toHaveLength(1)

    const saved = await dispatch('pdfs.saveAs', { accountId: yetiId, remoteId: pick.rendered, sha256: other.sha256 })
    expect(saved).toEqual({ ok: true, value: { path: join(dir.path, 'saved copy.pdf') } })
    expect(shell.suggested).toEqual([`Ops ${core.invoices.get(yetiId, pick.rendered).number} (generated by Quire).pdf`])
    expect(readFileSync(join(dir.path, 'saved copy.pdf')).equals(other.bytes)).toBe(true)
  })

  it('re-checks the hash on open and fetches a damaged copy again', async () => {
    const good = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    writeFileSync(good.path, '%PDF-1.7 damaged on disk %%EOF')
    const before = yeti!.pdfRequests.count
    const healed = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    expect(healed).toMatchObject({ source: 'provider', sha256: good.sha256, notice: null })
    expect(yeti!.pdfRequests.count).toBe(before + 1)
    expect(sha256(readFileSync(good.path))).toBe(good.sha256)
  })

  it('evicts the least recently opened PDFs to fit the quota', async () => {
    const a = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    await clock.sleep(60_000)
    const b = await core.pdfs.open({ accountId: yetiId, remoteId: pick.rendered })
    await clock.sleep(60_000)
    await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    const db = new Database(join(dir.path, 'quire.sqlite3'))
    try {
      const repo = new PdfCacheRepo(db)
      const oldest = repo.byLastUse()[0]!
      expect(oldest.sha256).not.toBe(a.sha256)
      const freed = await evictToFit(repo, new PdfStore(dir.path), repo.totalBytes() - 1, a.sha256)
      expect(freed).toBe(oldest.size)
      expect(existsSync(join(dir.path, 'pdfs', `${oldest.sha256}.pdf`))).toBe(false)
      expect(existsSync(a.path)).toBe(true)
      expect(repo.byLastUse().some((record) => record.sha256 === b.sha256)).toBe(oldest.sha256 !== b.sha256)
    } finally {
      db.close()
    }
  })

  it('prefetches the provider PDFs of open invoices after a sync when the policy says so', async () => {
    await core.pdfs.updateSettings({ policy: 'prefetch' })
    const open = lynkwell!.invoices.filter(
      (invoice) => ['OPEN', 'UNCOLLECTIBLE'].includes(invoice.status) && invoice.pdfUrl?.startsWith('http')
    )
    expect(open.length).toBeGreaterThan(0)
    lynkwell!.pdfNeedsToken = false
    const before = lynkwell!.pdfRequests.count
    expect(await core.sync.run(lynkwellId)).toMatchObject([{ ok: true }])
    await core.pdfs.settle()
    const fetched = lynkwell!.pdfRequests.count
    expect(fetched).toBeGreaterThan(before)
    for (const invoice of open) expect((await core.pdfs.open({ accountId: lynkwellId, remoteId: invoice.id })).source).toBe('provider')
    // Every one came from the cache: none was downloaded on open.
    expect(lynkwell!.pdfRequests.count).toBe(fetched)
    await core.pdfs.updateSettings({ policy: 'onOpen' })
  })

  it('opens cached PDFs with the providers gone, and renders the rest, after a restart', async () => {
    const cached = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    await yeti!.close()
    await lynkwell!.close()
    yeti = null
    lynkwell = null
    // The restarted core has no desktop shell, as before.
    core = await testCore.reopen({ desktop: undefined })

    const again = await core.pdfs.open({ accountId: yetiId, remoteId: pick.provider })
    expect(again).toMatchObject({ source: 'provider', sha256: cached.sha256, notice: null })
    expect(again.bytes.equals(cached.bytes)).toBe(true)

    const uncached = await core.pdfs.open({ accountId: yetiId, remoteId: pick.uncached })
    expect(uncached.source).toBe('generated')
    expect(uncached.notice).toMatch(
      /^Yeti-Switch’s own PDF could not be used\. Could not reach http:\/\/127\.0\.0\.1:\d+: the connection failed\./
    )
  })
})
