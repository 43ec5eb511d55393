import { useCallback, useEffect, useMemo } from 'react'
import type {
  ChangeField,
  InvoiceFilter,
  InvoiceFlag,
  InvoiceListing,
  InvoiceSort,
  InvoiceStatusFilter,
  ProviderId
} from '../../lib/contract'
import { todayIsoDate } from '../../lib/format'
import { useRememberedState } from '../../lib/rememberedState'
import { formatAmountInput, parseLocaleAmount } from './parseLocaleAmount'

const SEARCH_DEBOUNCE_MS = 200

export const DEFAULT_SORT: InvoiceSort = { column: 'issueDate', direction: 'desc' }

/** The filter as the form holds it: text as typed, '' for "any". */
export type FilterForm = {
  accountId: string
  provider: ProviderId | ''
  status: InvoiceStatusFilter | ''
  currency: string
  issuedFrom: string
  issuedTo: string
  dueFrom: string
  dueTo: string
  periodFrom: string
  periodTo: string
  totalMin: string
  totalMax: string
  hasPdf: '' | 'yes' | 'no'
  removed: 'hide' | 'include' | 'only'
  /** A local calendar date: invoices Quire saw change from the start of that day. */
  changedSince: string
  /** Which change counts; '' for any (only with changedSince). */
  changedField: ChangeField | ''
  /** Exactly this counterparty (ignoring case). */
  counterparty: string
} & Record<InvoiceFlag, FlagChoice>

/** Per provider flag: any, only invoices with it, or only those without it. */
export type FlagChoice = '' | 'yes' | 'no'
export const FLAGS: readonly InvoiceFlag[] = ['duplicate', 'wontClaim', 'errors']

const EMPTY_FORM: FilterForm = {
  accountId: '',
  provider: '',
  status: '',
  currency: '',
  issuedFrom: '',
  issuedTo: '',
  dueFrom: '',
  dueTo: '',
  periodFrom: '',
  periodTo: '',
  totalMin: '',
  totalMax: '',
  hasPdf: '',
  removed: 'hide',
  changedSince: '',
  changedField: '',
  counterparty: '',
  duplicate: '',
  wontClaim: '',
  errors: ''
}

/** The filters behind "More filters", counted on its button. */
const EXTRA_FIELDS: (keyof FilterForm)[] = [
  'provider',
  'currency',
  'issuedFrom',
  'issuedTo',
  'dueFrom',
  'dueTo',
  'periodFrom',
  'periodTo',
  'totalMin',
  'totalMax',
  'hasPdf',
  'changedSince',
  'counterparty',
  ...FLAGS
]

/**
 * Filter and sort state for the list. The search box updates at once and the query after a pause
 * in typing; amounts are parsed in the user's locale, exactly, and an amount that does not parse
 * narrows nothing (the field says so).
 */
export function useInvoiceFilters() {
  const [remembered, setForm] = useRememberedState<FilterForm>('invoices.filters', EMPTY_FORM)
  // A form remembered before a field existed lacks it: the field starts as "any".
  const form = useMemo(() => ({ ...EMPTY_FORM, ...remembered }), [remembered])
  const [searchText, setSearchText] = useRememberedState('invoices.searchText', '')
  const [search, setSearch] = useRememberedState('invoices.search', '')
  const [sort, setSort] = useRememberedState<InvoiceSort>('invoices.sort', DEFAULT_SORT)

  useEffect(() => {
    const next = searchText.trim()
    const timer = setTimeout(() => setSearch(next), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [searchText])

  const update = useCallback((patch: Partial<FilterForm>) => setForm((current) => ({ ...current, ...patch })), [])
  const clear = useCallback(() => {
    setSearchText('')
    setSearch('')
    setForm(EMPTY_FORM)
  }, [])
  /** Shows a saved view: its filter (search included) and sort. */
  const apply = useCallback((filter: InvoiceFilter, nextSort: InvoiceSort) => {
    setForm(formFrom(filter))
    setSearchText(filter.search ?? '')
    setSearch(filter.search ?? '')
    setSort(nextSort)
  }, [])

  const totalMin = form.totalMin.trim() === '' ? undefined : parseLocaleAmount(form.totalMin)
  const totalMax = form.totalMax.trim() === '' ? undefined : parseLocaleAmount(form.totalMax)
  const filter = useMemo<InvoiceFilter>(
    () => filterFrom(form, search, totalMin ?? undefined, totalMax ?? undefined),
    [form, search, totalMin, totalMax]
  )
  const listing = useMemo<InvoiceListing>(() => ({ ...filter, sort }), [filter, sort])

  return {
    form,
    update,
    searchText,
    setSearchText,
    sort,
    setSort,
    clear,
    apply,
    filter,
    listing,
    invalid: { totalMin: totalMin === null, totalMax: totalMax === null },
    /** Whether anything narrows the list (showing removed ones only widens it). */
    narrowed:
      Boolean(search) ||
      Object.entries(form).some(([key, value]) => key !== 'removed' && key !== 'changedField' && value !== '') ||
      form.removed === 'only',
    extraCount: EXTRA_FIELDS.filter((key) => form[key] !== '').length
  }
}

export type InvoiceFilterState = ReturnType<typeof useInvoiceFilters>

function filterFrom(form: FilterForm, search: string, totalMin: string | undefined, totalMax: string | undefined): InvoiceFilter {
  const range = (from: string, to: string) => (from || to ? { ...(from ? { from } : {}), ...(to ? { to } : {}) } : undefined)
  const filter: InvoiceFilter = { includeRemoved: form.removed !== 'hide' }
  if (form.removed === 'only') filter.onlyRemoved = true
  if (search) filter.search = search
  if (form.accountId) filter.accountId = form.accountId
  if (form.provider) filter.provider = form.provider
  if (form.status) filter.status = form.status
  if (form.currency) filter.currency = form.currency
  if (form.hasPdf) filter.hasPdf = form.hasPdf === 'yes'
  const flags = FLAGS.filter((flag) => form[flag] !== '')
  if (flags.length > 0) filter.flags = Object.fromEntries(flags.map((flag) => [flag, form[flag] === 'yes']))
  const issued = range(form.issuedFrom, form.issuedTo)
  const due = range(form.dueFrom, form.dueTo)
  const period = range(form.periodFrom, form.periodTo)
  if (issued) filter.issued = issued
  if (due) filter.due = due
  if (period) filter.period = period
  if (form.counterparty.trim()) filter.counterparty = form.counterparty.trim()
  if (form.changedSince)
    filter.changedSince = { since: startOfLocalDay(form.changedSince), ...(form.changedField ? { field: form.changedField } : {}) }
  if (totalMin !== undefined || totalMax !== undefined)
    filter.total = { ...(totalMin !== undefined ? { min: totalMin } : {}), ...(totalMax !== undefined ? { max: totalMax } : {}) }
  return filter
}

function formFrom(filter: InvoiceFilter): FilterForm {
  return {
    accountId: filter.accountId ?? '',
    provider: filter.provider ?? '',
    status: filter.status ?? '',
    currency: filter.currency ?? '',
    issuedFrom: filter.issued?.from ?? '',
    issuedTo: filter.issued?.to ?? '',
    dueFrom: filter.due?.from ?? '',
    dueTo: filter.due?.to ?? '',
    periodFrom: filter.period?.from ?? '',
    periodTo: filter.period?.to ?? '',
    totalMin: filter.total?.min === undefined ? '' : formatAmountInput(filter.total.min),
    totalMax: filter.total?.max === undefined ? '' : formatAmountInput(filter.total.max),
    hasPdf: filter.hasPdf === undefined ? '' : filter.hasPdf ? 'yes' : 'no',
    removed: filter.onlyRemoved ? 'only' : filter.includeRemoved ? 'include' : 'hide',
    changedSince: filter.changedSince ? todayIsoDate(new Date(filter.changedSince.since)) : '',
    changedField: filter.changedSince?.field ?? '',
    counterparty: filter.counterparty ?? '',
    ...flagChoices(filter.flags)
  }
}

function flagChoices(flags: InvoiceFilter['flags']): Record<InvoiceFlag, FlagChoice> {
  const choice = (wanted: boolean | undefined): FlagChoice => (wanted === undefined ? '' : wanted ? 'yes' : 'no')
  return { duplicate: choice(flags?.duplicate), wontClaim: choice(flags?.wontClaim), errors: choice(flags?.errors) }
}

/** The instant a local calendar day begins, as the contract's UTC instant. */
export function startOfLocalDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, day).toISOString()
}
