import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button } from './Button'
import './Popover.css'

type Props = {
  label: ReactNode
  /** The panel's accessible name. */
  title: string
  className?: string
  /** The button's aria-keyshortcuts: the key that opens the panel from elsewhere (openRequest). */
  keyshortcuts?: string
  /** Bumped to open the panel from a shortcut, with focus on its first control. */
  openRequest?: number
  children: (close: () => void) => ReactNode
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [tabindex="0"]'

/**
 * A button that shows a panel under it (a disclosure, not a modal): Escape or a click outside
 * closes it and focus goes back to the button.
 */
export function Popover({ label, title, className, keyshortcuts, openRequest = 0, children }: Props) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  // A key opened it: focus goes into the panel, where a click would have left it on the button.
  const focusInside = useRef(false)

  useEffect(() => {
    if (openRequest === 0) return
    focusInside.current = true
    setOpen(true)
  }, [openRequest])
  useEffect(() => {
    if (!open || !focusInside.current) return
    focusInside.current = false
    panel.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus()
  }, [open, openRequest])

  useEffect(() => {
    if (!open) return
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const close = () => {
    setOpen(false)
    button.current?.focus()
  }

  return (
    <div className={`popover ${className ?? ''}`} ref={root}>
      <Button ref={button} aria-keyshortcuts={keyshortcuts} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label}
      </Button>
      {open && (
        <div
          ref={panel}
          id={id}
          role="group"
          aria-label={title}
          className="popover-panel"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return
            event.preventDefault()
            event.stopPropagation()
            close()
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  )
}
