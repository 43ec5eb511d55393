import { useEffect, useId, useRef, useState } from 'react'
import type { AccountSummary, SkippedRecordView } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { call } from '../../lib/ipc'
import { plural } from '../../lib/format'
import { Button } from '../../components/Button'

type Props = { account: AccountSummary; providerLabel: string }

/**
 * "3 invoices could not be read": opens the records the provider sent that Quire held back,
 * each with its reason and the record itself (secrets already taken out in main), to copy
 * into a support request.
 */
export function SkippedRecords({ account, providerLabel }: Props) {
  const listId = useId()
  const [open, setOpen] = useState(false)
  const [records, setRecords] = useState<SkippedRecordView[] | null>(null)
  const [failed, setFailed] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    let current = true
    setFailed(null)
    call('skipped.list', { accountId: account.id })
      .then((list) => current && setRecords(list))
      .catch((error: unknown) => current && setFailed(errorMessage(error)))
    return () => {
      current = false
    }
  }, [open, account.id, account.skippedCount])

  if (account.skippedCount === 0) return null
  return (
    <section className="skipped-records">
      <Button variant="quiet" className="skipped-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
        {plural(account.skippedCount, 'invoice', 'invoices')} could not be read
      </Button>
      {open && (
        <div id={listId}>
          <p className="muted">
            Quire kept the rest of this account’s invoices. It reads these again on every sync, and each becomes an invoice as soon as{' '}
            {providerLabel} sends it in a form Quire can read. To get them fixed, copy a record below and send it with its reason to{' '}
            {providerLabel}’s support.
          </p>
          {failed && <p className="inline-alert">The records could not be loaded: {failed}</p>}
          {records === null && !failed && <p className="muted">Loading…</p>}
          <ul className="skipped-list">
            {records?.map((record) => (
              <SkippedRecordItem key={`${record.remoteId ?? ''}:${record.firstSeenAt}:${record.raw.length}`} record={record} />
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function SkippedRecordItem({ record }: { record: SkippedRecordView }) {
  const rawRef = useRef<HTMLTextAreaElement>(null)
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null)
  const copy = (): void => {
    rawRef.current?.select()
    // The clipboard can be refused (a sandboxed window); the selected text is then one Ctrl+C away.
    navigator.clipboard.writeText(record.raw).then(
      () => setCopied('yes'),
      () => setCopied('select')
    )
  }
  return (
    <li className="skipped-item">
      <p>
        <strong>{record.remoteId === null ? 'A record with no id' : `Invoice ${record.remoteId}`}</strong> (page {record.page}) —{' '}
        <code>{record.field}</code>: {record.reason}
      </p>
      <textarea
        ref={rawRef}
        className="skipped-raw mono"
        readOnly
        rows={4}
        value={record.raw}
        aria-label={`The record as ${record.remoteId ?? 'received'}, secrets removed`}
      />
      <div className="actions">
        <Button size="small" onClick={copy}>
          Copy record
        </Button>
        {copied === 'yes' && <span role="status">Copied.</span>}
        {copied === 'select' && <span role="status">Selected: press Ctrl+C (⌘C) to copy.</span>}
      </div>
    </li>
  )
}
