/**
 * The PDF files: `<data dir>/pdfs/<sha256>.pdf`, named by content only, so no name a server sent
 * (or a renderer asked for) ever becomes a path. Downloads land in `pdfs/incoming/` first, on the
 * same file system, and are renamed into place once verified: a file under its hash is whole.
 */
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ensurePrivateDir, PRIVATE_FILE_MODE } from '../storage/private-files'

const SHA256 = /^[0-9a-f]{64}$/
/**
 * Another Quire process (the app and the CLI at once) may be writing right now: only files
 * untouched this long are leftovers to sweep.
 */
const STALE_MS = 3_600_000

export class PdfStore {
  readonly dir: string
  private readonly incoming: string

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'pdfs')
    this.incoming = join(this.dir, 'incoming')
    // Leftovers of downloads that a crash or kill interrupted: never verified, never kept.
    if (existsSync(this.incoming)) for (const name of readdirSync(this.incoming)) removeIfStale(join(this.incoming, name))
  }

  /** The only way a path into the store is made: from a well-formed digest. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256 digest')
    return join(this.dir, `${sha256}.pdf`)
  }

  /** A fresh path to download into; the folders are made on first use, not for people who never open a PDF. */
  newTempFile(): string {
    ensurePrivateDir(this.dir)
    ensurePrivateDir(this.incoming)
    return join(this.incoming, `${randomUUID()}.part`)
  }

  /** Moves a verified temp file under its digest; an identical file already there is kept as is. */
  async adopt(tempFile: string, sha256: string): Promise<void> {
    await rename(tempFile, this.pathOf(sha256))
  }

  async write(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const temp = this.newTempFile()
    await writeFile(temp, bytes, { flag: 'wx', flush: true, mode: PRIVATE_FILE_MODE })
    await this.adopt(temp, sha256)
    return { sha256, size: bytes.length }
  }

  /** The file's bytes if they still hash to its name; null if it is missing or damaged. */
  async readVerified(sha256: string): Promise<Buffer | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.pathOf(sha256))
    } catch {
      return null
    }
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true })
  }

  /** Deletes stored files whose digest is not in `keep` (records gone with an account or a rebuilt cache), once stale. */
  sweep(keep: ReadonlySet<string>): void {
    if (!existsSync(this.dir)) return
    for (const name of readdirSync(this.dir)) {
      const sha256 = /^([0-9a-f]{64})\.pdf$/.exec(name)?.[1]
      if (sha256 !== undefined && !keep.has(sha256)) removeIfStale(join(this.dir, name))
    }
  }
}

function removeIfStale(path: string): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true })
  } catch {
    // Already gone: another process swept it.
  }
}
