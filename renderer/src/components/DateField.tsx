import { useEffect, useRef, useState } from 'react'
import { formatLocaleDate, localeDateOrder, parseLocaleDate } from '../lib/localeDate'
import './DateField.css'

// The user's own locale, as every other date and amount on screen is formatted (lib/format.ts).
const ORDER = localeDateOrder()

type Props = {
  id: string
  /** ISO 'YYYY-MM-DD', or '' for no date. */
  value: string
  onChange: (iso: string) => void
  /** Emptying the field does not clear the date: leaving it puts the date back. */
  required?: boolean
}

/**
 * A date typed in the user's locale order (dd/mm/yyyy in en-GB), or as ISO. A full date applies
 * as it is typed; a two-digit year waits until Enter or leaving the field, as it may be the start
 * of a four-digit one. What does not read as a date is said inline and never applied.
 */
export function DateField({ id, value, onChange, required = false }: Props) {
  const [text, setText] = useState(() => formatLocaleDate(value, ORDER))
  const [error, setError] = useState<string | null>(null)
  // The date the text stands for: a new `value` from elsewhere (a preset, Clear) replaces the text.
  const shown = useRef(value)
  useEffect(() => {
    if (value === shown.current) return
    shown.current = value
    setText(formatLocaleDate(value, ORDER))
    setError(null)
  }, [value])

  function apply(iso: string) {
    shown.current = iso
    if (iso !== value) onChange(iso)
  }

  function read(typed: string, done: boolean) {
    if (typed.trim() === '') {
      setError(null)
      if (!required) apply('')
      else if (done) setText(formatLocaleDate(value, ORDER))
      return
    }
    const parsed = parseLocaleDate(typed, ORDER)
    if (parsed.ok && (parsed.complete || done)) {
      setError(null)
      apply(parsed.iso)
      if (done) setText(formatLocaleDate(parsed.iso, ORDER))
    } else if (done) setError(parsed.ok ? null : parsed.error)
    else setError(null)
  }

  const hintId = `${id}-format`
  const errorId = `${id}-error`
  return (
    <>
      <input
        id={id}
        className="date-field"
        autoComplete="off"
        spellCheck={false}
        placeholder={ORDER.pattern}
        value={text}
        aria-invalid={error !== null || undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => {
          setText(event.target.value)
          read(event.target.value, false)
        }}
        onBlur={(event) => read(event.target.value, true)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') read(event.currentTarget.value, true)
        }}
      />
      <span id={hintId} className="sr-only">
        Typed as {ORDER.parts.join(', ')}
      </span>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}
