/**
 * When the person last used the keyboard or pointer in this window. Listening starts as the
 * app loads, so the click or key that opens an invoice already counts as input on it.
 */
let last: number | null = null

const note = (): void => {
  last = Date.now()
}

for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel'] as const) {
  window.addEventListener(type, note, { capture: true, passive: true })
}

export function lastInputAt(): number | null {
  return last
}
