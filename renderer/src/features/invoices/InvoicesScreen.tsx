import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { AccountSummary, InvoiceFilter, InvoiceKey, InvoiceSummary, ProviderInfo, SavedViewState } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { formatCount, plural } from '../../lib/format'
import { call } from '../../lib/ipc'
import { useRememberedState } from '../../lib/rememberedState'
import { useNetworkStatus } from '../../lib/useNetworkStatus'
import { ColumnChooser } from './ColumnChooser'
import { visibleColumns } from './columns'
import { DueDateGapNotice } from './DueDateGapNotice'
import { ExportButton, ExportStatus } from './ExportControls'
import { filterInWords } from './filterInWords'
import { InvoicesPrint } from './InvoicesPrint'
import { PRINT_ROWS, usePrintRows } from './usePrintRows'
import { PdfBundleButton, PdfBundleStatus } from './PdfBundleControls'
import { InvoiceDetailPane } from './InvoiceDetailPane'
import { InvoiceFilters } from './InvoiceFilters'
import { InvoiceGrid, type ToggleMode } from './InvoiceGrid'
import { invoiceKey } from './invoiceKey'
import { InvoicesEmptyState } from './InvoicesEmptyState'
import { SavedViews } from './SavedViews'
import { ShortcutsHelp } from './ShortcutsHelp'
import { TotalsBar } from './TotalsBar'
import { useColumnLayout } from './useColumnLayout'
import { useCopyRows } from './useCopyRows'
import { useCurrencies } from './useCurrencies'
import { listingWhileHidden, withoutSort } from './listingWhileHidden'
import { useHideAmounts } from '../../components/HideAmounts'
import { selectionCount, type RowSelection } from './rowSelection'
import { useExport } from './useExport'
import { usePdfBundle } from './usePdfBundle'
import { useInvoiceFilters } from './useInvoiceFilters'
import { useLaunchView } from './useLaunchView'
import { useRowWindows } from './useRowWindows'
import { useInvoiceShortcuts } from './useInvoiceShortcuts'
import { useFilterTotals, useLeftOutOfTotals, useSelectionTotals } from './useTotals'
import { Button } from '../../components/Button'
import './invoices.css'

type Props = {
  accounts: AccountSummary[]
  providers: ProviderInfo[]
  /** Changes whenever the cache may have changed (an account synced, accounts were added or removed). */
  refreshKey: string
  syncing: boolean
  /** Another screen (a tile, a bar, an aging row, a change) asking to show these invoices; `id` tells requests apart. */
  request?: GridRequest | null
  /** Goes to Accounts, where payment terms are set. */
  onOpenAccounts?: () => void
}

/** Shows these invoices (`filter`), or opens one invoice's detail over the grid as it is (`open`). */
export type GridRequest = { id: number; filter?: InvoiceFilter; open?: InvoiceKey }

type Opened = { invoice: InvoiceSummary; focusPane: boolean }

/** Stable, so the picked rows' totals are not asked again on every render while all matching is on. */
const NONE_PICKED: InvoiceKey[] = []

/** The most a range selection (Shift) takes in at once. */
const MAX_RANGE = 10_000

export function InvoicesScreen({ accounts, providers, refreshKey, syncing, request = null, onOpenAccounts }: Props) {
  const filters = useInvoiceFilters()
  // Applied once: coming back to the screen later keeps whatever the person changed since.
  const [appliedRequest, setAppliedRequest] = useRememberedState('invoices.appliedRequest', 0)
  useEffect(() => {
    if (!request || request.id === appliedRequest) return
    setAppliedRequest(request.id)
    if (request.filter) filters.apply(request.filter, filters.sort)
    // The detail is a superset of the row the pane needs; the invoice need not match the grid's filter.
    if (request.open)
      call('invoices.get', request.open).then(
        (invoice) => setOpened({ invoice, focusPane: true }),
        (error: unknown) => setOpenError(errorMessage(error))
      )
  }, [request, appliedRequest])
  const [openError, setOpenError] = useState<string | null>(null)
  const columns = useColumnLayout()
  const { hidden: amountsHidden } = useHideAmounts()
  const onScreen = useMemo(() => listingWhileHidden(filters.listing, amountsHidden), [filters.listing, amountsHidden])
  const windows = useRowWindows(onScreen, refreshKey)
  const onScreenFilter = useMemo(() => withoutSort(onScreen), [onScreen])
  const currencies = useCurrencies(refreshKey)
  const exporter = useExport()
  const bundler = usePdfBundle()
  const online = useNetworkStatus()
  const [opened, setOpened] = useRememberedState<Opened | null>('invoices.opened', null)
  const [activeIndex, setActiveIndex] = useRememberedState('invoices.activeIndex', 0)
  const [focusRequest, setFocusRequest] = useState(0)
  const [checked, setChecked] = useRememberedState<Map<string, InvoiceKey>>('invoices.checked', new Map())
  // "Select all N matching": the filter itself is the selection, however many rows are loaded.
  const [allMatching, setAllMatching] = useRememberedState('invoices.allMatching', false)
  const anchor = useRef<number | null>(null)
  const [help, setHelp] = useState(false)
  const [exportRequest, setExportRequest] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  const paneRef = useRef<HTMLElement>(null)
  const screenRef = useRef<HTMLDivElement>(null)
  const { form, update } = filters
  const total = windows.total ?? 0

  // A new query: its first row is where the keyboard starts, and a selection of other rows is void.
  // (Not on mount: coming back to the screen, after an unlock say, keeps both.)
  const shownListing = useRef(windows.listingKey)
  useEffect(() => {
    if (shownListing.current === windows.listingKey) return
    shownListing.current = windows.listingKey
    setActiveIndex(0)
    setChecked(new Map())
    setAllMatching(false)
    anchor.current = null
  }, [windows.listingKey])

  // A filter on an account that has since been removed would silently show nothing.
  useEffect(() => {
    if (form.accountId && !accounts.some((a) => a.id === form.accountId)) update({ accountId: '' })
  }, [accounts, form.accountId, update])

  const selected = useMemo(() => [...checked.values()], [checked])
  const selection: RowSelection = useMemo(
    () => (allMatching ? { kind: 'allMatching', filter: onScreenFilter, count: total } : { kind: 'rows', keys: selected }),
    [allMatching, onScreenFilter, total, selected]
  )
  const selectedCount = selectionCount(selection)
  const selectAllMatching = useCallback(() => {
    // Until the count is in, "all" would name a number that is still growing.
    if (!windows.counted || total === 0) return
    setAllMatching(true)
    setChecked(new Map())
  }, [windows.counted, total])
  const clearSelection = useCallback(() => {
    setChecked(new Map())
    setAllMatching(false)
  }, [])
  const [includeVoidAndDraft, setIncludeVoidAndDraft] = useRememberedState('invoices.includeVoidAndDraft', false)
  const [countFlagged, setCountFlagged] = useRememberedState('invoices.totals.countDuplicatesAndWontClaim', false)
  const totalsSwitches = useMemo(
    () => ({ includeVoidAndDraft, includeDuplicatesAndWontClaim: countFlagged }),
    [includeVoidAndDraft, countFlagged]
  )
  const filteredTotals = useFilterTotals(onScreenFilter, refreshKey, totalsSwitches)
  const leftOut = useLeftOutOfTotals(onScreenFilter, refreshKey)
  const pickedTotals = useSelectionTotals(allMatching ? NONE_PICKED : selected, refreshKey, includeVoidAndDraft)
  // All matching is summed as the filter under the footer's switches: the footer's own line.
  const selectionTotals = allMatching ? filteredTotals : pickedTotals

  const providerLabel = useCallback((id: string) => providers.find((p) => p.id === id)?.label ?? id, [providers])

  const focusRow = useCallback(() => setFocusRequest((n) => n + 1), [])

  // Stable between layout changes: the grid's rows are memoized on them.
  const shown = useMemo(() => visibleColumns(columns.layout), [columns.layout])
  const shownSpecs = useMemo(() => shown.map((column) => column.spec), [shown])
  const copier = useCopyRows(shownSpecs, providerLabel, amountsHidden)
  const copyRows = useCallback(() => {
    if (allMatching) return void copier.copyAllMatching(onScreen, total)
    const active = windows.rowAt(activeIndex)
    const keys = selected.length > 0 ? selected : active ? [{ accountId: active.accountId, remoteId: active.remoteId }] : []
    void copier.copy(keys)
  }, [allMatching, onScreen, total, selected, windows, activeIndex, copier])

  const { onSearchKey } = useInvoiceShortcuts({
    screenRef,
    paneRef,
    searchRef,
    total,
    activeIndex,
    setActiveIndex,
    rowAt: windows.rowAt,
    detailOpen: opened !== null,
    openInvoice: (invoice) => setOpened({ invoice, focusPane: true }),
    focusRow,
    copy: copyRows,
    selectAllMatching,
    exportRows: () => setExportRequest((n) => n + 1),
    showHelp: () => setHelp(true)
  })

  const closeDetail = useCallback(() => {
    const focusWasInPane = paneRef.current?.contains(document.activeElement) ?? false
    setOpened(null)
    if (focusWasInPane) focusRow()
  }, [focusRow])

  const onToggle = useCallback(
    (index: number, invoice: InvoiceSummary, mode: ToggleMode) => {
      // Read before the update runs: React may run it after the anchor below has moved.
      const from = anchor.current
      // Picking a row while all are selected starts a selection of rows afresh, as a click after
      // "select all" does in a file manager: the filter-wide selection cannot drop one row.
      const fresh = allMatching
      setAllMatching(false)
      setChecked((current) => {
        const next = fresh ? new Map<string, InvoiceKey>() : new Map(current)
        if (mode === 'range' && from !== null) {
          const [low, high] = from < index ? [from, index] : [index, from]
          for (let i = low; i <= Math.min(high, low + MAX_RANGE - 1); i++) {
            const row = windows.rowAt(i)
            if (row) next.set(invoiceKey(row), { accountId: row.accountId, remoteId: row.remoteId })
          }
        } else if (next.has(invoiceKey(invoice))) next.delete(invoiceKey(invoice))
        else next.set(invoiceKey(invoice), { accountId: invoice.accountId, remoteId: invoice.remoteId })
        return next
      })
      anchor.current = index
    },
    [windows, allMatching]
  )

  const viewState: SavedViewState = useMemo(
    () => ({ filter: filters.filter, sort: filters.sort, columns: columns.layout }),
    [filters.filter, filters.sort, columns.layout]
  )
  const applyView = useCallback(
    (state: SavedViewState) => {
      filters.apply(state.filter, state.sort)
      columns.replace(state.columns)
    },
    [filters, columns]
  )
  useLaunchView(viewState, applyView)

  const openKey = opened ? invoiceKey(opened.invoice) : null
  const printer = usePrintRows(onScreen)

  return (
    <div ref={screenRef} className="screen invoices-screen">
      <div className="invoices-head">
        <div className="screen-head screen-head-row">
          <h1>Invoices</h1>
          <p className="match-count" role="status">
            {windows.total === null
              ? ''
              : !windows.counted
                ? 'Counting…'
                : plural(total, filters.narrowed ? 'matching invoice' : 'invoice', filters.narrowed ? 'matching invoices' : 'invoices')}
          </p>
        </div>
        <div className="head-actions">
          <SavedViews current={viewState} onApply={applyView} />
          <ColumnChooser columns={columns} />
          <Button aria-keyshortcuts="Control+C Meta+C" onClick={copyRows} disabled={total === 0}>
            {selectedCount > 0 ? `Copy ${plural(selectedCount, 'row', 'rows')}` : 'Copy row'}
          </Button>
          <ExportButton exporter={exporter} query={filters.listing} total={total} selection={selection} openRequest={exportRequest} />
          <PdfBundleButton bundler={bundler} query={filters.listing} total={total} busy={exporter.state.phase === 'running'} />
          <Button
            aria-keyshortcuts="Control+P Meta+P"
            title={`Prints the filter, the totals and the first ${formatCount(PRINT_ROWS)} rows; Export CSV writes them all`}
            onClick={printer.print}
          >
            Print…
          </Button>
          <Button aria-keyshortcuts="?" onClick={() => setHelp(true)}>
            Shortcuts
          </Button>
        </div>
      </div>
      <InvoiceFilters
        filters={filters}
        accounts={accounts}
        providers={providers}
        currencies={currencies}
        searchRef={searchRef}
        onSearchKey={onSearchKey}
      />
      {openError && (
        <Notice tone="error" onDismiss={() => setOpenError(null)}>
          The invoice could not be opened: {openError}
        </Notice>
      )}
      {printer.state.error && <Notice tone="error">The invoices could not be read for printing: {printer.state.error}</Notice>}
      <ExportStatus exporter={exporter} />
      <PdfBundleStatus bundler={bundler} />
      {copier.message && (
        <Notice tone={copier.message.tone} onDismiss={copier.dismiss}>
          {copier.message.text}
        </Notice>
      )}
      {form.status === 'overdue' && onOpenAccounts && (
        <DueDateGapNotice filter={filters.filter} refreshKey={refreshKey} onSetTerms={onOpenAccounts} />
      )}
      {windows.error && (
        <Notice tone="error">
          Invoices could not be read from the cache: {windows.error}{' '}
          <Button size="small" onClick={windows.retry}>
            Try again
          </Button>
        </Notice>
      )}
      <div className="invoices-body">
        <div className="invoices-list">
          {windows.total === null && !windows.error && (
            <p className="muted loading-line" role="status">
              Loading invoices…
            </p>
          )}
          {windows.total === 0 && (
            <InvoicesEmptyState
              narrowed={filters.narrowed}
              searchOnly={filters.narrowed && filters.extraCount === 0 && !form.status && !form.accountId && form.removed !== 'only'}
              search={filters.searchText.trim()}
              syncing={syncing}
              online={online}
              onClear={filters.clear}
            />
          )}
          {total > 0 && (
            <>
              <InvoiceGrid
                windows={windows}
                total={total}
                columns={shown}
                sort={onScreen.sort ?? filters.sort}
                amountSortOff={amountsHidden}
                onSort={filters.setSort}
                onResize={columns.resize}
                activeIndex={activeIndex}
                onActiveChange={setActiveIndex}
                focusRequest={focusRequest}
                openKey={openKey}
                isChecked={(invoice) => allMatching || checked.has(invoiceKey(invoice))}
                onToggle={onToggle}
                onOpen={(invoice, viaKeyboard) => setOpened({ invoice, focusPane: viaKeyboard })}
                providerLabel={providerLabel}
              />
              <TotalsBar
                filtered={filteredTotals}
                selected={selectionTotals}
                selectedCount={selectedCount}
                allMatching={allMatching}
                matchingCount={windows.counted ? total : 0}
                onSelectAllMatching={selectAllMatching}
                narrowed={filters.narrowed}
                leftOut={{ count: leftOut, counted: countFlagged, onChange: setCountFlagged }}
                onClearSelection={clearSelection}
                includeVoidAndDraft={includeVoidAndDraft}
                onIncludeVoidAndDraftChange={setIncludeVoidAndDraft}
              />
            </>
          )}
        </div>
        {opened && (
          <InvoiceDetailPane
            key={openKey}
            ref={paneRef}
            invoice={opened.invoice}
            providerLabel={providerLabel(opened.invoice.provider)}
            refreshKey={refreshKey}
            focusOnOpen={opened.focusPane}
            onClose={closeDetail}
          />
        )}
      </div>
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      <InvoicesPrint
        columns={shownSpecs}
        filterText={filterInWords(onScreen, {
          account: (accountId) => accounts.find((a) => a.id === accountId)?.name ?? accountId,
          provider: providerLabel
        })}
        total={windows.counted ? total : null}
        rows={printer.state.rows}
        printedAt={printer.state.at}
        totals={filteredTotals.totals}
        providerLabel={providerLabel}
      />
    </div>
  )
}
