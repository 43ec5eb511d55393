import type { InvoiceDetail } from '../../lib/contract'
import { useHideAmounts, useMoney } from '../../components/HideAmounts'
import './documents.css'

/**
 * What checking the provider's PDF against the synced data found, when it matters: a mismatch
 * is a warning naming both figures (masked while amounts are hidden); a PDF whose text could
 * not be read says it was not checked, never that it matched.
 */
export function PdfCheckNotice({ detail, providerLabel }: { detail: InvoiceDetail; providerLabel: string }) {
  const formatMoney = useMoney()
  const { hidden } = useHideAmounts()
  const check = detail.pdfCheck
  if (check === null || check.outcome === 'match') return null
  if (check.outcome === 'notChecked') {
    return (
      <p className="pdf-check pdf-check-unchecked" role="status">
        {providerLabel}’s PDF was not checked against this data: {check.detail ?? 'its text could not be read.'}
      </p>
    )
  }
  const problems: string[] = []
  if (check.totalFound === false && detail.total !== null) {
    if (hidden) problems.push(`${providerLabel}’s PDF prints another total than Quire has.`)
    else if (check.pdfShows !== null)
      problems.push(`${providerLabel}’s PDF shows ${check.pdfShows}; Quire has ${formatMoney(detail.total, detail.currency)}.`)
    else problems.push(`${providerLabel}’s PDF does not print the total Quire has (${formatMoney(detail.total, detail.currency)}).`)
  }
  if (check.numberFound === false) problems.push(`${providerLabel}’s PDF does not print the invoice number ${detail.number ?? ''}.`)
  return (
    <div className="pdf-check pdf-check-mismatch" role="status" aria-label="PDF does not match the data">
      <strong>The PDF does not match the synced data.</strong> {problems.join(' ')} One of them is wrong: compare them before paying or
      exporting (an amount in the wrong unit is a likely cause).
    </div>
  )
}
