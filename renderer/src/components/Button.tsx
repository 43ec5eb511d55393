import type { ComponentPropsWithRef } from 'react'
import './Button.css'

/**
 * The app's one styled button. Variants are the looks the stylesheet has; `type` defaults to
 * "button" so a button inside a form only submits when it says `type="submit"`. Everything else
 * (ref, aria-*, autoFocus, title, handlers) goes to the native element unchanged.
 *
 * Special-purpose buttons keep their own markup: the grid's sort headers, the side navigation
 * and the overview's tiles.
 */
export type ButtonVariant = 'default' | 'primary' | 'danger' | 'danger-quiet' | 'quiet' | 'link'
export type ButtonSize = 'small' | 'medium' | 'large'

export type ButtonProps = ComponentPropsWithRef<'button'> & {
  variant?: ButtonVariant
  /** Ignored by the `link` variant, which takes the size of the text around it. */
  size?: ButtonSize
}

export function Button({ variant = 'default', size = 'medium', type = 'button', className, ...rest }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />
}

export function buttonClass(variant: ButtonVariant, size: ButtonSize, extra?: string): string {
  const classes =
    variant === 'link'
      ? ['link-button']
      : ['button', variant === 'default' ? '' : `button-${variant}`, size === 'medium' ? '' : `button-${size}`]
  if (extra) classes.push(extra)
  return classes.filter(Boolean).join(' ')
}
