import { describe, expect, it } from 'vitest'
import { systemClock } from '../../main/base/clock'
import type { Fetch } from '../../main/net/http'
import { LynkwellClient } from '../../main/providers/lynkwell/client'

const PDF = '%PDF-1.4\n%%EOF\n'
const ADDRESSES: Record<string, string[]> = {
  'api.lynkwell.example': ['93.184.216.34'],
  'cdn.example': ['93.184.216.35'],
  'files.example': ['10.0.0.8'],
  'sneaky.example': ['93.184.216.36', '192.168.1.1']
}

/** A Lynkwell connector on a public API host, whose fetch records every URL it is asked for. */
function connector(routes: Record<string, () => Response>, apiBaseUrl = 'https://api.lynkwell.example/billing/v1') {
  const fetched: string[] = []
  const fetch: Fetch = async (input) => {
    const url = String(input)
    fetched.push(url)
    const route = routes[url]
    return route ? route() : new Response(PDF, { status: 200, headers: { 'Content-Type': 'application/pdf' } })
  }
  const client = new LynkwellClient(
    { name: 'Chargers', baseUrl: apiBaseUrl, options: { clientId: 'c', tokenUrl: 'https://auth.example/oauth/token', audience: 'a' } },
    'secret',
    { fetch, clock: systemClock, resolveHost: async (host) => ADDRESSES[host] ?? ['93.184.216.99'] }
  )
  const download = (pdfUrl: string) =>
    client.downloadPdf({ remoteId: 'inv_1', raw: { id: 'inv_1', status: 'OPEN', subTotal: 10, taxTotal: 1, currency: 'usd', pdfUrl } })
  return { fetched, download }
}

const redirect = (to: string) => () => new Response(null, { status: 302, headers: { Location: to } })

describe('a provider-supplied PDF link cannot reach inside the machine or the office network', () => {
  it('refuses a pdfUrl to 127.0.0.1 from a non-loopback API, without fetching it', async () => {
    const { fetched, download } = connector({})
    await expect(download('http://127.0.0.1:8080/admin')).rejects.toMatchObject({
      code: 'PROVIDER_BAD_RESPONSE',
      message: expect.stringContaining('not https')
    })
    await expect(download('https://127.0.0.1/admin')).rejects.toMatchObject({ message: expect.stringContaining('loopback address') })
    await expect(download('https://[::1]/admin')).rejects.toMatchObject({ message: expect.stringContaining('loopback address') })
    expect(fetched).toEqual([])
  })

  it('refuses names that resolve to private or link-local addresses', async () => {
    const { fetched, download } = connector({})
    await expect(download('https://files.example/x.pdf')).rejects.toMatchObject({ message: expect.stringContaining('private address') })
    await expect(download('https://sneaky.example/x.pdf')).rejects.toMatchObject({ message: expect.stringContaining('private address') })
    await expect(download('https://169.254.169.254/latest/meta-data')).rejects.toMatchObject({
      message: expect.stringContaining('link-local address')
    })
    expect(fetched).toEqual([])
  })

  it('re-checks every redirect target, and follows at most 5 redirects', async () => {
    const bounce = connector({ 'https://cdn.example/x.pdf': redirect('https://169.254.169.254/latest/meta-data') })
    await expect(bounce.download('https://cdn.example/x.pdf')).rejects.toMatchObject({
      message: expect.stringContaining('link-local address')
    })
    expect(bounce.fetched).toEqual(['https://cdn.example/x.pdf'])

    const chain = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [`https://cdn.example/${i}.pdf`, redirect(`https://cdn.example/${i + 1}.pdf`)])
    )
    const loop = connector(chain)
    await expect(loop.download('https://cdn.example/0.pdf')).rejects.toMatchObject({
      message: expect.stringContaining('more than 5 times')
    })
    expect(loop.fetched).toHaveLength(6)

    const fine = connector({ 'https://cdn.example/a.pdf': redirect('/b.pdf') })
    const response = await fine.download('https://cdn.example/a.pdf')
    expect(response?.status).toBe(200)
    expect(fine.fetched).toEqual(['https://cdn.example/a.pdf', 'https://cdn.example/b.pdf'])
  })

  it('allows the API’s own origin, and loopback links when the API itself is on loopback', async () => {
    const own = connector({})
    expect((await own.download('https://api.lynkwell.example/billing/v1/invoices/inv_1.pdf'))?.status).toBe(200)
    const local = connector({}, 'http://127.0.0.1:4000/billing/v1')
    expect((await local.download('http://127.0.0.1:4000/pdfs/inv_1.pdf'))?.status).toBe(200)
    expect((await local.download('https://127.0.0.1:4001/pdfs/inv_1.pdf'))?.status).toBe(200)
    await expect(local.download('http://127.0.0.1:4001/pdfs/inv_1.pdf')).rejects.toMatchObject({
      message: expect.stringContaining('not https')
    })
  })
})
