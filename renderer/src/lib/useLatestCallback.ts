import { useCallback, useLayoutEffect, useRef } from 'react'

/**
 * A function with one identity for the component's whole life that always runs the latest `fn`:
 * handed to memoized children, a handler's new closure on each render does not render them again.
 * Meant for event handlers, which run after the render that made them has been committed.
 */
export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn)
  useLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
