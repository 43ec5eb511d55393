import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from './contract'
import { errorMessage } from './errorMessage'
import { call } from './ipc'

export type AppInfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'failed'; message: string }

export function useAppInfo(): { state: AppInfoState; retry: () => void } {
  const [state, setState] = useState<AppInfoState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    call('app.getInfo', {}).then(
      (info) => current && setState({ status: 'ready', info }),
      (error: unknown) => current && setState({ status: 'failed', message: errorMessage(error) })
    )
    return () => {
      current = false
    }
  }, [attempt])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])

  return { state, retry }
}
