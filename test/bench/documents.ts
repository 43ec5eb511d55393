/**
 * Documents: likely duplicates on a large cache (one index walk, so seconds at a million), and
 * the auditor bundle's memory over 10,000 invoices (each a cached provider PDF, streamed).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCore } from '../../main/app/create-core'
import { DuplicatesRepo } from '../../main/duplicates/duplicates.repo'
import { DuplicatesService } from '../../main/duplicates/duplicates.service'
import { drawProviderPdf } from '../../main/simulators/shared/provider-pdf'
import { buildLargeCache } from '../helpers/large-cache'
import { MemorySecrets } from '../helpers/memory-secrets'
import { tempDir } from '../helpers/temp-dir'
import { systemClock } from '../../main/base/clock'

export interface DuplicateFigures {
  invoices: number
  planted: number
  groups: number
  seconds: { p50: number; max: number }
}

/** About every 1,000th invoice (those that are payable) is billed again from another account two days later: known groups. */
export function measureDuplicates(count: number, runs = 3): DuplicateFigures {
  const dir = tempDir('quire-bench-dups-')
  try {
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), count)
    const planted = db
      .prepare(
        `INSERT INTO invoices (account_id, remote_id, number, status, counterparty, issue_date, currency, total, total_scaled, removed, seen_walk, raw, synced_at)
         SELECT (SELECT id FROM accounts WHERE id <> i.account_id ORDER BY id LIMIT 1), 'again-' || i.remote_id, 'B-' || i.id, 'open',
           upper(i.counterparty), date(i.issue_date, '+2 days'), i.currency, i.total, i.total_scaled, 0, 1, '{}', i.synced_at
         FROM invoices i WHERE i.id % 1000 = 1 AND i.removed = 0 AND i.status NOT IN ('draft', 'void')`
      )
      .run().changes
    const service = new DuplicatesService(new DuplicatesRepo(db), systemClock)
    const times: number[] = []
    let groups = 0
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      groups = service.list().groups.length
      times.push((performance.now() - started) / 1000)
    }
    db.close()
    times.sort((a, b) => a - b)
    return {
      invoices: count + planted,
      planted,
      groups,
      seconds: { p50: round(times[Math.floor(times.length / 2)]!), max: round(times.at(-1)!) }
    }
  } finally {
    dir.remove()
  }
}

export interface BundleFigures {
  invoices: number
  zipBytes: number
  seconds: number
  rssMb: { before: number; peak: number }
}

/** A bundle of `count` invoices whose provider PDFs are all cached; RSS sampled while it is written. */
export async function measureBundle(count = 10_000): Promise<BundleFigures> {
  const dir = tempDir('quire-bench-bundle-')
  try {
    const db = buildLargeCache(join(dir.path, 'quire.sqlite3'), count)
    // One real provider document, padded to a typical invoice's size, backing every row (files are stored by content).
    const pdf = Buffer.concat([
      Buffer.from(await drawProviderPdf({ issuer: 'Bench', title: 'Invoice', facts: [], items: [], total: '1.00' })),
      Buffer.alloc(40_000, 0x20)
    ])
    const sha256 = createHash('sha256').update(pdf).digest('hex')
    mkdirSync(join(dir.path, 'pdfs'), { recursive: true })
    writeFileSync(join(dir.path, 'pdfs', `${sha256}.pdf`), pdf)
    db.prepare(
      `INSERT INTO invoice_pdfs (invoice_id, source, sha256, size, stored_at) SELECT id, 'provider', ?, ?, '2026-11-20T08:00:00Z' FROM invoices`
    ).run(sha256, pdf.length)
    // Already read: the bench measures the bundle, not text extraction.
    db.prepare(
      `INSERT INTO pdf_checks (invoice_id, sha256, checked_total, outcome, checked_at) SELECT id, ?, total, 'match', '2026-11-20T08:00:00Z' FROM invoices`
    ).run(sha256)
    db.close()
    const core = await createCore({ dataDir: dir.path, secrets: new MemorySecrets(), isOnline: () => false })
    try {
      await core.pdfs.updateSettings({ quotaMb: 100_000 })
      const mb = (): number => Math.round(process.memoryUsage().rss / 1_048_576)
      const before = mb()
      let peak = before
      const sampler = setInterval(() => (peak = Math.max(peak, mb())), 50)
      const started = performance.now()
      const path = join(dir.path, 'bundle.zip')
      const counts = await core.bundles.write({ query: { includeRemoved: true } }, path)
      clearInterval(sampler)
      const { statSync } = await import('node:fs')
      return {
        invoices: counts.invoices,
        zipBytes: statSync(path).size,
        seconds: round((performance.now() - started) / 1000),
        rssMb: { before, peak: Math.max(peak, mb()) }
      }
    } finally {
      await core.close()
    }
  } finally {
    dir.remove()
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
