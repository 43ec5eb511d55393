import { useEffect, useId, useState } from 'react'
import { Notice } from '../../components/Notice'
import type { MethodInput, MethodOutput } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { formatCount } from '../../lib/format'
import { call } from '../../lib/ipc'

type Settings = MethodOutput<'pdfs.settings'>

const QUOTAS_MB = [100, 250, 500, 1_000, 2_000, 5_000, 10_000]

export function PdfCacheSetting() {
  const id = useId()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    call('pdfs.settings', {}).then(setSettings, (e: unknown) => setError(errorMessage(e)))
  }, [])

  async function update(changes: MethodInput<'pdfs.updateSettings'>) {
    setError(null)
    try {
      setSettings(await call('pdfs.updateSettings', changes))
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  // A quota set elsewhere (the CLI) is offered as it is, beside the usual choices.
  const quotas = settings && !QUOTAS_MB.includes(settings.quotaMb) ? [...QUOTAS_MB, settings.quotaMb].sort((a, b) => a - b) : QUOTAS_MB
  return (
    <section className="card settings-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Invoice PDFs</h2>
      <div className="field">
        <label htmlFor={`${id}-policy`}>Keep providers’ PDFs for offline use</label>
        <select
          id={`${id}-policy`}
          value={settings?.policy ?? 'onOpen'}
          disabled={!settings}
          onChange={(e) => void update({ policy: e.target.value === 'prefetch' ? 'prefetch' : 'onOpen' })}
        >
          <option value="onOpen">When I first open an invoice</option>
          <option value="prefetch">After each sync, for open and recent invoices</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-quota`}>Disk space for PDFs</label>
        <select
          id={`${id}-quota`}
          aria-describedby={`${id}-usage`}
          value={settings?.quotaMb ?? 500}
          disabled={!settings}
          onChange={(e) => void update({ quotaMb: Number(e.target.value) })}
        >
          {quotas.map((mb) => (
            <option key={mb} value={mb}>
              {mb >= 1_000 ? `${formatCount(mb / 1_000)} GB` : `${formatCount(mb)} MB`}
            </option>
          ))}
        </select>
        <p id={`${id}-usage`} className="hint">
          {settings ? `${formatCount(Math.ceil(settings.usedBytes / 1_048_576))} MB in use. ` : ''}Beyond the limit, the PDFs opened longest
          ago are removed; they come back from the provider, or are generated again, when next opened.
        </p>
      </div>
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  )
}
