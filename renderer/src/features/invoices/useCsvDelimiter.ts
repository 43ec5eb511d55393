import { useCallback, useEffect, useState } from 'react'
import type { CsvDelimiter } from '../../lib/contract'
import { call } from '../../lib/ipc'

/**
 * The delimiter Export CSV offers: the one last chosen, kept by main in the cache's settings so
 * it survives a restart. A comma until main answers (and if it cannot): RFC 4180's own.
 */
export function useCsvDelimiter(): [CsvDelimiter, (next: CsvDelimiter) => void] {
  const [delimiter, setDelimiter] = useState<CsvDelimiter>('comma')
  useEffect(() => {
    let current = true
    call('settings.get', {}).then(
      (settings) => current && setDelimiter(settings.csvDelimiter),
      () => undefined
    )
    return () => {
      current = false
    }
  }, [])
  const choose = useCallback((next: CsvDelimiter) => {
    setDelimiter(next)
    // Not remembering costs only the choice next time; this export still uses it.
    void call('settings.update', { csvDelimiter: next }).catch(() => undefined)
  }, [])
  return [delimiter, choose]
}
