import { describe, expect, it } from 'vitest'

describe('the core without a PDF read', () => {
  // pdf.js's legacy build swaps in core-js versions of these (several times slower on the sync's
  // write path) where the runtime lacks JSON.rawJSON: loading the core must not load pdf.js.
  it('keeps the runtime’s own JSON.stringify and Array.prototype.push', async () => {
    const { stringify } = JSON
    const { push } = Array.prototype
    await import('../../main/app/create-core')
    expect(JSON.stringify).toBe(stringify)
    expect(Array.prototype.push).toBe(push)
  })
})
