import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rendererFile } from '../../main/app/renderer-file'

describe('the renderer folder, as quire://app and the test host serve it', () => {
  const root = join('/opt', 'Quire', 'resources', 'renderer')

  it('names files inside it', () => {
    expect(rendererFile(root, '/')).toBe(join(root, 'index.html'))
    expect(rendererFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(rendererFile(root, '/assets/pdf.worker%20copy.mjs')).toBe(join(root, 'assets', 'pdf.worker copy.mjs'))
  })

  it('refuses every way out of it', () => {
    for (const path of [
      '/../main/index.js',
      '/assets/../../main/index.js',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%E0%A4%A',
      '/index.html%00.js',
      '/..',
      '/../renderer-evil/x.js'
    ]) {
      expect(rendererFile(root, path), path).toBeNull()
    }
  })
})
