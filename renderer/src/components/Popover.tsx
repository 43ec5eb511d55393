import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button } from './Button'
import './Popover.css'

type Props = {
  label: ReactNode
  /** The panel's accessible name. */
  title: string
  className?: string
  children: (close: () => void) => ReactNode
}

/**
 * A button that shows a panel under it (a disclosure, not a modal): Escape or a click outside
 * closes it and focus goes back to the button.
 */
export function Popover({ label, title, className, children }: Props) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

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
      <Button ref={button} aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {label}
      </Button>
      {open && (
        <div
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
