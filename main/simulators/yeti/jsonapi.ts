/**
 * What jsonapi-resources 0.9 (yeti-web's fork) does with a customer API v1 list request: its
 * query rules and their error objects, sorting, the paged paginator, and the document shape.
 */
import type { YetiSimAccount, YetiSimInvoice, YetiSimInvoiceAttributes } from './dataset'
import { renderServerTime, type ServerZone } from './server-time'

export const YETI_API_PATH = '/api/rest/customer/v1'
export const MAX_PAGE_SIZE = 1000
const DEFAULT_PAGE_SIZE = 50
/** yeti-web's default order since 2025-03; older installs have none. */
const DEFAULT_SORT = '-start_date'

export interface JsonApiError {
  title: string
  detail: string
  code: string
  status: string
}

export class JsonApiFailure extends Error {
  constructor(readonly error: JsonApiError) {
    super(error.detail)
  }
}

export interface ListQuery {
  includeAccount: boolean
  sort: SortKey[]
  number: number
  size: number
}

export interface SortKey {
  field: keyof YetiSimInvoiceAttributes | 'id'
  descending: boolean
}

const SORTABLE = new Set<string>([
  'id',
  'reference',
  'start-date',
  'end-date',
  'has-pdf',
  'amount-spent',
  ...['originated', 'terminated'].flatMap((side) =>
    ['amount-spent', 'calls-count', 'successful-calls-count', 'calls-duration', 'billing-duration', 'first-call-at', 'last-call-at'].map(
      (name) => `${side}-${name}`
    )
  ),
  'services-amount-spent',
  'service-transactions-count'
])

export function parseListQuery(params: URLSearchParams): ListQuery {
  for (const name of params.keys()) {
    if (name.startsWith('filter[')) throw badRequest('Filter not allowed', `${name} is not supported by this simulator.`, '102')
    if (name.startsWith('page[') && name !== 'page[number]' && name !== 'page[size]')
      throw badRequest('Page parameter not allowed', `${name} is not an allowed page parameter.`, '105')
    if (!name.startsWith('page[') && !name.startsWith('fields[') && name !== 'include' && name !== 'sort')
      throw badRequest('Param not allowed', `${name} is not allowed.`, '105')
  }
  return { includeAccount: parseInclude(params.get('include')), sort: parseSort(params.get('sort') ?? DEFAULT_SORT), ...parsePage(params) }
}

export function parseInclude(include: string | null): boolean {
  if (include === null || include === '') return false
  for (const name of include.split(',')) {
    if (name !== 'account') throw badRequest('Invalid field', `${name} is not a valid includable relationship of invoices`, '112')
  }
  return true
}

/** Sort fields may be written dasherized or underscored: the library unformats both alike. */
function parseSort(sort: string): SortKey[] {
  return sort.split(',').map((criterion) => {
    const descending = criterion.startsWith('-')
    const field = criterion.replace(/^[-+]/, '').replaceAll('_', '-')
    if (!SORTABLE.has(field))
      throw badRequest('Invalid sort criteria', `${criterion.replace(/^[-+]/, '')} is not a valid sort criteria for invoices`, '114')
    return { field: field as SortKey['field'], descending }
  })
}

/** Ruby's String#to_i, as the paginator reads page values: leading digits, else 0. */
function toI(text: string | null, fallback: number): number {
  if (text === null) return fallback
  const match = /^\s*([-+]?\d+)/.exec(text)
  return match ? Number(match[1]) : 0
}

function parsePage(params: URLSearchParams): { number: number; size: number } {
  const size = toI(params.get('page[size]'), DEFAULT_PAGE_SIZE)
  const number = toI(params.get('page[number]'), 1)
  if (size < 1) throw invalidPageValue('size', size)
  if (size > MAX_PAGE_SIZE) throw badRequest('Invalid page value', `size exceeds maximum page size of ${MAX_PAGE_SIZE}.`, '118')
  if (number < 1) throw invalidPageValue('number', number)
  return { number, size }
}

function invalidPageValue(name: string, value: number): JsonApiFailure {
  return badRequest('Invalid page value', `${value} is not a valid value for ${name} page parameter.`, '118')
}

function badRequest(title: string, detail: string, code: string): JsonApiFailure {
  return new JsonApiFailure({ title, detail, code, status: '400' })
}

/** PostgreSQL's order: NULLS LAST ascending, NULLS FIRST descending; no other tie-break. */
export function sortInvoices(invoices: YetiSimInvoice[], sort: SortKey[]): YetiSimInvoice[] {
  return [...invoices].sort((a, b) => {
    for (const { field, descending } of sort) {
      const order = compare(valueOf(a, field), valueOf(b, field))
      if (order !== 0) return descending ? -order : order
    }
    return 0
  })
}

type Comparable = number | string | null

function valueOf(invoice: YetiSimInvoice, field: SortKey['field']): Comparable {
  if (field === 'id') return invoice.id
  const value = invoice.attributes[field]
  if (value === null || value === undefined) return null
  if (typeof value === 'boolean') return value ? 1 : 0
  if (typeof value === 'number') return value
  if (field.endsWith('-at') || field.endsWith('-date')) return Date.parse(value)
  return field === 'reference' ? value : Number(value)
}

function compare(a: Comparable, b: Comparable): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

export function invoiceResource(invoice: YetiSimInvoice, origin: string, withAccountData: boolean, zone: ServerZone = 'UTC'): object {
  const self = `${origin}${YETI_API_PATH}/invoices/${invoice.id}`
  const links = { self: `${self}/relationships/account`, related: `${self}/account` }
  return {
    id: invoice.id,
    type: 'invoices',
    links: { self },
    attributes: inServerZone(invoice.attributes, zone),
    relationships: { account: withAccountData ? { links, data: { type: 'accounts', id: invoice.accountId } } : { links } }
  }
}

/** Every datetime attribute (`…-date`, `…-at`) as a server in `zone` renders it. */
function inServerZone(attributes: YetiSimInvoiceAttributes, zone: ServerZone): YetiSimInvoiceAttributes {
  if (zone === 'UTC') return attributes
  const rendered = { ...attributes }
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'string' && (name.endsWith('-date') || name.endsWith('-at')))
      Object.assign(rendered, { [name]: renderServerTime(value, zone) })
  }
  return rendered
}

export function accountResource(account: YetiSimAccount, origin: string): object {
  return {
    id: account.id,
    type: 'accounts',
    links: { self: `${origin}${YETI_API_PATH}/accounts/${account.id}` },
    attributes: account.attributes
  }
}

/** first/prev/next/last as the paged paginator computes them from the record count. */
export function pageLinks(url: URL, origin: string, query: ListQuery, recordCount: number): Record<string, string> {
  const pageCount = Math.ceil(recordCount / query.size)
  const link = (number: number): string => {
    const params = new URLSearchParams(url.searchParams)
    params.set('page[number]', String(number))
    params.set('page[size]', String(query.size))
    return `${origin}${url.pathname}?${params}`
  }
  return {
    first: link(1),
    ...(query.number > 1 ? { prev: link(query.number - 1) } : {}),
    ...(query.number < pageCount ? { next: link(query.number + 1) } : {}),
    last: link(pageCount)
  }
}
