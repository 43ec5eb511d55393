import type { ReactNode } from 'react'
import { Button } from './Button'
import './Notice.css'

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
        <Button variant="quiet" size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      )}
    </div>
  )
}
