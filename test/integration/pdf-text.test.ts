import { join } from 'node:path'
import Database from 'better-sqlite3'
import { PDFDocument, rgb } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../main/app/create-core'
import { fromScaled, toScaled } from '../../main/money/decimal'
import { drawProviderPdf } from '../../main/simulators/shared/provider-pdf'
import { startYetiSimulator, type YetiSimulator } from '../../main/simulators/yeti/server'
import { openTestCore, type TestCore } from '../helpers/test-core'

const PASSWORD = 'yeti-pw-pdftext-1'
/** A word no synced field holds: only the provider's PDF prints it. */
const PDF_ONLY_WORD = 'Quarantinable'

/** A scanned invoice: a page of drawn shapes, no text at all. */
async function imageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595.28, 841.89])
  for (let row = 0; row < 20; row++)
    page.drawRectangle({ x: 56, y: 760 - row * 30, width: 300 + (row % 5) * 40, height: 12, color: rgb(0.2, 0.2, 0.2) })
  return doc.save()
}

describe('provider PDFs: text indexed for search and checked against the data', () => {
  let testCore: TestCore
  let yeti: YetiSimulator
  let core: Core
  let accountId: string
  let online = true
  const pick = { word: '', scaled: '', scan: '', plain: '', other: '' }

  beforeAll(async () => {
    yeti = await startYetiSimulator({ invoices: 30, seed: 11, users: { ops: { password: PASSWORD } } })
    const approved = yeti.invoices.filter((invoice) => invoice.state === 'approved' && invoice.attributes.reference !== null)
    const [word, scaled, scan, plain, other] = approved
    Object.assign(pick, { word: word!.id, scaled: scaled!.id, scan: scan!.id, plain: plain!.id, other: other!.id })
    for (const invoice of [word, scaled, scan, plain, other]) invoice!.attributes['has-pdf'] = true

    const reference = (id: string): string => yeti.invoices.find((invoice) => invoice.id === id)!.attributes.reference!
    yeti.pdfOverrides.set(
      pick.word,
      await drawProviderPdf({
        issuer: 'Yeti-Switch billing',
        title: `Invoice ${reference(pick.word)}`,
        facts: [['Memo', `${PDF_ONLY_WORD} routes, March`]],
        items: [],
        total: `${word!.attributes['amount-spent']}`
      })
    )
    yeti.pdfOverrides.set(pick.scan, await imageOnlyPdf())
    testCore = await openTestCore({ isOnline: () => online })
    core = testCore.core
    accountId = (
      await core.accounts.add({ provider: 'yeti', name: 'Ops', baseUrl: yeti.baseUrl, secret: PASSWORD, options: { login: 'ops' } })
    ).id
    expect((await core.sync.run()).every((outcome) => outcome.ok)).toBe(true)

    // The ×100 document: the same invoice, its total printed in the wrong unit, grouped with commas.
    const synced = core.invoices.get(accountId, pick.scaled)
    const [whole, fraction] = fromScaled(toScaled(synced.total!) * 100n).split('.')
    const shown = `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`
    yeti.pdfOverrides.set(
      pick.scaled,
      await drawProviderPdf({
        issuer: 'Yeti-Switch billing',
        title: `Invoice ${synced.number}`,
        facts: [],
        items: [],
        total: `${shown} ${synced.currency}`
      })
    )
  })

  afterAll(async () => {
    await testCore?.close()
    await yeti?.close()
  })

  const search = (text: string) => core.invoices.list({ search: text, includeRemoved: false, offset: 0, limit: 50 })

  it('finds a word printed only in the provider PDF once it is cached, and says the match was in the PDF', async () => {
    expect(search(PDF_ONLY_WORD).total).toBe(0)
    await core.pdfs.open({ accountId, remoteId: pick.word })
    await core.pdfs.indexTexts()
    const found = search(PDF_ONLY_WORD.slice(0, 7).toLowerCase())
    expect(found.items.map((item) => item.remoteId)).toEqual([pick.word])
    expect(found.items[0]!.searchHit).toBe('pdf')
    // A word the data holds is a data match, even when the PDF prints it too.
    const number = core.invoices.get(accountId, pick.word).number!
    expect(search(number).items.find((item) => item.remoteId === pick.word)?.searchHit).toBe('data')
    expect(core.invoices.get(accountId, pick.word).pdfCheck).toMatchObject({ outcome: 'match', numberFound: true, totalFound: true })
  })

  it('passes a matching PDF, warns on one whose total is ×100 and counts it on the account', async () => {
    await core.pdfs.open({ accountId, remoteId: pick.plain })
    await core.pdfs.open({ accountId, remoteId: pick.scaled })
    await core.pdfs.indexTexts()
    expect(core.invoices.get(accountId, pick.plain).pdfCheck?.outcome).toBe('match')
    const invoice = core.invoices.get(accountId, pick.scaled)
    expect(invoice.pdfCheck).toMatchObject({ outcome: 'mismatch', numberFound: true, totalFound: false })
    expect(invoice.pdfCheck!.detail).toBe(
      `The provider’s PDF shows ${invoice.pdfCheck!.pdfShows}; Quire has ${invoice.total} ${invoice.currency}.`
    )
    expect(invoice.pdfCheck!.pdfShows).toMatch(/,\d{3}\./)
    expect(core.accounts.get(accountId).pdfMismatches).toBe(1)
  })

  it('calls an image-only PDF "not checked", never a mismatch, and indexes no text for it', async () => {
    const opened = await core.pdfs.open({ accountId, remoteId: pick.scan })
    expect(opened.source).toBe('provider')
    await core.pdfs.indexTexts()
    const check = core.invoices.get(accountId, pick.scan).pdfCheck
    expect(check).toMatchObject({ outcome: 'notChecked', totalFound: null, sha256: opened.sha256 })
    expect(check!.detail).toMatch(/no readable text/)
    expect(core.accounts.get(accountId).pdfMismatches).toBe(1)
  })

  it('stops finding the PDF-only word once the PDF is evicted, and finds it again after a re-download', async () => {
    // The quota's floor is 10 MB; these PDFs are a few KB, so evict through a tiny quota the service allows.
    await core.pdfs.open({ accountId, remoteId: pick.other })
    await core.pdfs.updateSettings({ quotaMb: 10 })
    expect(search(PDF_ONLY_WORD).total).toBe(1)
    const db = new Database(join(testCore.dir.path, 'quire.sqlite3'))
    db.prepare(`UPDATE invoice_pdfs SET size = 6 * 1048576 WHERE source = 'provider'`).run()
    // The word's PDF is the least recently opened (this clock stands still, so say so).
    db.prepare(
      `UPDATE invoice_pdfs SET last_opened_at = '2020-01-01T00:00:00.000Z' WHERE invoice_id = (SELECT id FROM invoices WHERE remote_id = ?)`
    ).run(pick.word)
    db.close()
    await core.pdfs.updateSettings({ quotaMb: 10 })
    expect(search(PDF_ONLY_WORD).total).toBe(0)

    await core.pdfs.open({ accountId, remoteId: pick.word })
    await core.pdfs.indexTexts()
    expect(search(PDF_ONLY_WORD).total).toBe(1)
  })

  it('carries the check in `invoices show --json` terms: the detail the CLI prints', () => {
    const detail = core.invoices.get(accountId, pick.scaled)
    expect(Object.keys(detail.pdfCheck!).sort()).toEqual([
      'checkedAt',
      'detail',
      'numberFound',
      'outcome',
      'pdfShows',
      'sha256',
      'totalFound'
    ])
  })
})
