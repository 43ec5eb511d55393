import { createContext, useContext, useEffect, useState, type Dispatch, type ReactNode, type SetStateAction } from 'react'

const Memory = createContext<Map<string, unknown> | null>(null)

/**
 * Where screens keep what the person was doing (search, filters, the open invoice) while they
 * are unmounted: above the app lock, so unlocking returns to the same place. It lives in this
 * window's memory only and ends with it.
 */
export function RememberedStateProvider({ children }: { children: ReactNode }) {
  const [memory] = useState(() => new Map<string, unknown>())
  return <Memory.Provider value={memory}>{children}</Memory.Provider>
}

/** useState whose value outlives the component, under `key`, for as long as the window lives. */
export function useRememberedState<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const memory = useContext(Memory)
  const [value, setValue] = useState<T>(() => (memory?.has(key) ? (memory.get(key) as T) : initial))
  useEffect(() => {
    memory?.set(key, value)
  }, [memory, key, value])
  return [value, setValue]
}
