/**
 * Writes a ZIP with yazl, streamed to a temporary file beside the target and renamed into place
 * once whole, so a failed or interrupted save never leaves a half bundle under the chosen name.
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { ZipFile } from 'yazl'

export interface ZipEntry {
  name: string
  content: Buffer
}

export async function writeZip(path: string, entries: Iterable<ZipEntry>, mtime: Date): Promise<void> {
  const zip = new ZipFile()
  for (const entry of entries) zip.addBuffer(entry.content, entry.name, { mtime, compress: true })
  zip.end()
  const partial = `${path}.partial`
  try {
    await pipeline(zip.outputStream, createWriteStream(partial, { flags: 'w', mode: 0o600 }))
    renameSync(partial, path)
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}
