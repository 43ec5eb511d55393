/**
 * The renderer's view of the core's events: while the app is locked, nothing but the lock's own
 * news reaches it (sync progress names accounts and counts invoices, which a locked screen must
 * not show, even to someone reading the renderer's memory). What happened meanwhile is held,
 * newest per event and account only, and delivered right after the unlock.
 */
import type { EventName } from '../../preload/contract'
import type { EventHub, EventListener } from '../base/events'

export type RendererEvents = Pick<EventHub, 'subscribe'>

export function holdWhileLocked(events: EventHub, lock: { readonly isLocked: boolean }): RendererEvents {
  return {
    subscribe(listener: EventListener): () => void {
      const held = new Map<string, [EventName, unknown]>()
      return events.subscribe((event, payload) => {
        if (event === 'lock.changed') {
          listener(event, payload)
          if (!lock.isLocked) {
            const pending = [...held.values()]
            held.clear()
            for (const [name, value] of pending) listener(name, value as never)
          }
          return
        }
        if (!lock.isLocked) return listener(event, payload)
        const account = (payload as { accountId?: unknown }).accountId
        const key = `${event}\u0000${typeof account === 'string' ? account : ''}`
        // Re-inserted so that the flush keeps the order in which the latest news arrived.
        held.delete(key)
        held.set(key, [event, payload])
      })
    }
  }
}
