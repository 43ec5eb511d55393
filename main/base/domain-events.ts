/**
 * What one part of the core tells the others. Unlike EventHub (main/base/events.ts), nothing here
 * reaches the renderer: services react to each other through these instead of reading the UI's
 * progress events or setting hooks on one another.
 */
export interface DomainEventMap {
  /** Cached invoices changed: a sync page committed, or an account was added, re-pointed or removed. */
  'invoices.changed': { accountId: string }
  /** An account's invoices synced whole; listeners may do follow-up work within the same run. */
  'account.synced': { accountId: string; signal: AbortSignal }
  /** App settings were written (the keys that changed). */
  'settings.changed': { keys: string[] }
}

type Listener<E extends keyof DomainEventMap> = (payload: DomainEventMap[E]) => void | Promise<void>

export class DomainEvents {
  private readonly listeners = new Map<keyof DomainEventMap, Set<Listener<never>>>()

  on<E extends keyof DomainEventMap>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener as Listener<never>)
    this.listeners.set(event, set)
    return () => set.delete(listener as Listener<never>)
  }

  /** Tells every listener and waits for all of them; one that fails does not stop the others. */
  async emit<E extends keyof DomainEventMap>(event: E, payload: DomainEventMap[E]): Promise<void> {
    const listeners = [...(this.listeners.get(event) ?? [])] as Listener<E>[]
    await Promise.allSettled(listeners.map(async (listener) => listener(payload)))
  }
}
