import type { AppInfo } from './contract'
import { useCall } from './useCall'

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; message: string }

export function useAppInfo(): { state: AppInfoState; retry: () => void } {
  const { state, retry } = useCall('app.getInfo', {})
  return { state: state.status === 'ready' ? { status: 'ready', info: state.value } : state, retry }
}
