/** A key pressed here is typed, not a shortcut: form fields and dialogs keep their keys. */
export function isTypingTarget(target: Element | null): boolean {
  return target?.closest('input, select, textarea, [contenteditable="true"], dialog') != null
}
