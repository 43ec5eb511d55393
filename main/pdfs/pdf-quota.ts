import type { PdfCacheRepo, PdfRecord } from './pdf-cache.repo'
import type { PdfStore } from './pdf-store'

/**
 * Removes cached PDFs, least recently opened first (never opened: oldest stored first), until
 * the files take at most `limitBytes`. The file just stored (`keep`) is never the one to go: a
 * quota smaller than one PDF still lets that PDF open. Returns how many bytes were freed.
 */
export async function evictToFit(repo: PdfCacheRepo, store: PdfStore, limitBytes: number, keep: string | null): Promise<number> {
  let total = repo.totalBytes()
  const start = total
  if (total <= limitBytes) return 0
  for (const record of repo.byLastUse()) {
    if (total <= limitBytes) break
    if (record.sha256 === keep) continue
    if (await forget(repo, store, record)) total -= record.size
  }
  return start - total
}

/** Drops a record, and its file once no record names it; true when the file went. */
export async function forget(repo: PdfCacheRepo, store: PdfStore, record: PdfRecord): Promise<boolean> {
  repo.delete(record.invoiceId, record.source)
  if (repo.uses(record.sha256) > 0) return false
  await store.remove(record.sha256)
  return true
}
