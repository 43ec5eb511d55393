import type { ReactNode } from 'react'

type Props = {
  tone: 'error' | 'success' | 'info'
  children: ReactNode
  onDismiss?: () => void
  className?: string
}

/** Errors interrupt (role=alert); everything else is announced politely (role=status). */
export function Notice({ tone, children, onDismiss, className }: Props) {
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`notice notice-${tone} ${className ?? ''}`}>
      <div className="notice-body">{children}</div>
      {onDismiss && (
        <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
