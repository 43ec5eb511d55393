import { events } from '../../preload/contract'

/**
 * The browser-side stand-in for the preload: the same `window.quire` (invoke/on), carried over
 * HTTP and Server-Sent Events instead of Electron IPC. Generated from the contract's event names
 * so a subscription to an unknown event fails here just as it would have no effect in Electron.
 */
export function bridgeShimSource(): string {
  return `'use strict';
(() => {
  const EVENTS = ${JSON.stringify(Object.keys(events))};
  const listeners = new Map();
  const stream = new EventSource('./events');
  stream.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data);
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  // A call made as the page goes away (the last view written on reload) must outlive the page;
  // keepalive only then, as the browser caps what all keepalive requests in flight may carry.
  let leaving = false;
  addEventListener('pagehide', () => { leaving = true; });
  addEventListener('pageshow', () => { leaving = false; });
  const bridge = {
    invoke: async (method, input) => {
      const response = await fetch('./rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method, input }),
        keepalive: leaving || document.visibilityState === 'hidden'
      });
      return response.json();
    },
    on: (event, listener) => {
      if (!EVENTS.includes(event)) throw new Error('Unknown event: ' + event);
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(listener);
      return () => listeners.get(event).delete(listener);
    }
  };
  Object.defineProperty(window, 'quire', { value: Object.freeze(bridge), writable: false, configurable: false });
})();
`
}
