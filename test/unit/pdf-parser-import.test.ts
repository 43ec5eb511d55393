import { describe, expect, it } from 'vitest'

/**
 * pdf.js is imported on the first document read, never with the core. Its legacy build brings
 * core-js, which puts its own, several times slower, versions over the built-ins a runtime lacks
 * or gets wrong, and the sync's write path parses, stringifies and pushes every raw record:
 * JSON.stringify and JSON.parse where JSON.rawJSON is missing, Array.prototype.push where V8 lets a
 * push onto a read-only length pass (before V8 12.2). Both are true of Node 20, the tests' runtime;
 * Node 22 has neither gap, so there the built-ins stay the same whatever loads. The globals pdf.js's
 * two modules set when they run (pdfjsLib, pdfjsWorker) show the load itself, on any runtime.
 */
describe('the core without a PDF read', () => {
  it('loads no pdf.js module, and keeps the runtime’s own JSON.stringify, JSON.parse and Array.prototype.push', async () => {
    const pdfjsGlobals = () => ['pdfjsLib', 'pdfjsWorker'].filter((name) => name in globalThis)
    expect(pdfjsGlobals()).toEqual([])
    const { stringify, parse } = JSON
    const { push } = Array.prototype
    await import('../../main/app/create-core')
    expect(pdfjsGlobals()).toEqual([])
    expect(JSON.stringify).toBe(stringify)
    expect(JSON.parse).toBe(parse)
    expect(Array.prototype.push).toBe(push)
  })
})
