import { useCallback, useEffect, useState } from 'react'
import type { MethodInput, MethodName, MethodOutput } from '../../../preload/contract'
import { errorMessage } from './errorMessage'
import { call } from './ipc'

export type CallState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string }

/**
 * One contract call's answer, asked again when its input or `refreshKey` changes (a sync page,
 * a session begun) and on `retry`. The last answer stays on screen until the next one arrives, and
 * an answer to a question since replaced is dropped, so a slow old answer never overwrites a new one.
 */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  refreshKey: unknown = null
): { state: CallState<MethodOutput<M>>; retry: () => void } {
  const [state, setState] = useState<CallState<MethodOutput<M>>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const question = JSON.stringify(input)

  useEffect(() => {
    let current = true
    call(method, input).then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'failed', message: errorMessage(error) })
    )
    return () => {
      current = false
    }
    // `question` stands for `input`, which is a new object on every render.
  }, [method, question, refreshKey, attempt])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    setAttempt((n) => n + 1)
  }, [])

  return { state, retry }
}
