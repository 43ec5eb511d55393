import type { EventName, EventPayload } from '../../preload/contract'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** The core's outbound events; the IPC glue and the test host forward them to the renderer. */
export class EventHub {
  private readonly listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload)
  }
}
