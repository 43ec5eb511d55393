import type { ReactNode } from 'react'
import './Facts.css'

/** A label/value list; each pair is wrapped so the grid layout keeps them together. */
export function Facts({ children, className }: { children: ReactNode; className?: string }) {
  return <dl className={`facts ${className ?? ''}`}>{children}</dl>
}

export function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`fact ${className ?? ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
