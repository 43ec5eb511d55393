import { useEffect, useRef } from 'react'
import { Button } from '../../components/Button'

// Apple keyboards say ⌘ where others say Ctrl; the renderer has no Node, so it asks the browser.
const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

const SHORTCUTS: [keys: string[], what: string][] = [
  [['j', '↓'], 'Next invoice'],
  [['k', '↑'], 'Previous invoice'],
  [['Page Down', 'Page Up'], 'A screen down or up'],
  [['Home', 'End'], 'First or last invoice'],
  [['Enter'], 'Open the invoice'],
  [['p'], 'Open the PDF of the invoice that is open'],
  [['Space', 'x'], 'Select or unselect it (Shift: up to it)'],
  [[`${MOD} Shift A`], 'Select every matching invoice, not only the loaded rows'],
  [[`${MOD} C`], 'Copy the selected rows (or this one) for a spreadsheet'],
  [[`${MOD} Shift E`], 'Export CSV: the matching invoices or the selected rows'],
  [[`${MOD} P`], 'Print the list: the filter, the totals and the first 500 rows'],
  [['/', `${MOD} F`], 'Search invoices'],
  [['↓', 'Esc'], 'From the search box: to the results, keeping the search'],
  [['Enter'], 'From the search box: open the only match'],
  [['Esc'], 'Close the invoice or this help'],
  [['F6', 'Shift F6'], 'Next or previous region: navigation, toolbar and filters, the list, the invoice'],
  [['←', '→'], 'In the column headers: the next or previous header or resize handle'],
  [['↓'], 'From the column headers: to the current invoice'],
  [['Shift ←', 'Shift →'], 'On a resize handle: narrow or widen the column'],
  [['?'], 'Show these shortcuts'],
  [[`${MOD} Shift H`], 'Hide or show amounts'],
  [[`${MOD} Shift L`], 'Lock Quire (when the app lock is on)']
]

/** The keyboard shortcuts, as a modal dialog: Escape or Close returns focus where it was. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)

  useEffect(() => {
    const element = dialog.current
    const before = document.activeElement
    element?.showModal()
    return () => {
      element?.close()
      if (before instanceof HTMLElement) before.focus()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className="shortcuts"
      aria-labelledby="shortcuts-title"
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
      onKeyDown={(event) => event.key === 'Escape' && event.stopPropagation()}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button onClick={onClose}>Close</Button>
    </dialog>
  )
}
