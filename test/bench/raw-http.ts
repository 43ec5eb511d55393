/**
 * The HTTP limit: the same pages fetched with bare fetch + JSON.parse, no validation, mapping or
 * storage, walking each API the way its connector does (same page sizes, same detail fan-out).
 */
import type { SimulatorProcess } from './simulator-process'

type Json = Record<string, unknown>

async function getJson(url: string, headers: Record<string, string>): Promise<Json> {
  const response = await fetch(url, { headers })
  return JSON.parse(await response.text()) as Json
}

async function postJson(url: string, body: unknown): Promise<Json> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  return JSON.parse(await response.text()) as Json
}

/** Invoices fetched; the caller times it. */
export async function rawWalk(sim: SimulatorProcess): Promise<number> {
  switch (sim.provider) {
    case 'hoursmith': {
      const headers = { Authorization: `Bearer ${sim.secret}` }
      let count = 0
      let cursor: string | null = null
      do {
        const query: URLSearchParams = new URLSearchParams({ limit: '200', sort: 'updatedAt', ...(cursor ? { cursor } : {}) })
        const page = await getJson(`${sim.baseUrl}/invoices?${query}`, headers)
        count += (page.data as unknown[]).length
        cursor = (page.pagination as { nextCursor: string | null }).nextCursor
      } while (cursor !== null)
      return count
    }
    case 'caresquare': {
      let count = 0
      for (const planManagerId of sim.options.planManagerIds ?? []) {
        const headers = { Authorization: `Bearer ${sim.secret}`, 'X-Plan-Manager-Id': planManagerId }
        for (let offset = 0; ; offset += 100) {
          const page = await getJson(`${sim.baseUrl}/invoices?limit=100&offset=${offset}`, headers)
          const ids = (page.data as { id: string | number }[]).map((row) => row.id)
          for (let i = 0; i < ids.length; i += 6) {
            await Promise.all(ids.slice(i, i + 6).map((id) => getJson(`${sim.baseUrl}/invoices/${id}`, headers)))
          }
          count += ids.length
          if (!(page.pagination as { has_more: boolean }).has_more || ids.length === 0) break
        }
      }
      return count
    }
    case 'yeti': {
      const { jwt } = (await postJson(`${sim.baseUrl}/auth`, { auth: { login: sim.options.login, password: sim.secret } })) as {
        jwt: string
      }
      const headers = { Authorization: jwt, Accept: 'application/vnd.api+json' }
      let count = 0
      for (let number = 1; ; number += 1) {
        const query = new URLSearchParams({
          include: 'account',
          'page[number]': String(number),
          'page[size]': '1000',
          sort: 'start_date,id'
        })
        const data = (await getJson(`${sim.baseUrl}/invoices?${query}`, headers)).data as unknown[]
        count += data.length
        if (data.length < 1000) return count
      }
    }
    case 'lynkwell': {
      const { access_token: token } = (await postJson(sim.options.tokenUrl!, {
        client_id: sim.options.clientId,
        client_secret: sim.secret,
        audience: sim.options.audience,
        grant_type: 'client_credentials'
      })) as { access_token: string }
      let count = 0
      let after: string | null = null
      for (;;) {
        const query: URLSearchParams = new URLSearchParams({ limit: '100', ...(after ? { startingAfter: after } : {}) })
        const { data } = (await getJson(`${sim.baseUrl}/invoices?${query}`, { Authorization: `Bearer ${token}` })) as {
          data: { items: { id: string }[]; hasMore: boolean }
        }
        count += data.items.length
        if (!data.hasMore || data.items.length === 0) return count
        after = data.items.at(-1)!.id
      }
    }
  }
}
