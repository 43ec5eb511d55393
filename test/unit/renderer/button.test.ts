import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Button, buttonClass } from '../../../renderer/src/components/Button'

describe('Button', () => {
  it('never submits a form unless it says so', () => {
    expect(renderToStaticMarkup(createElement(Button, null, 'Save'))).toBe('<button type="button" class="button">Save</button>')
    expect(renderToStaticMarkup(createElement(Button, { type: 'submit', variant: 'primary' }, 'Export'))).toContain('type="submit"')
  })

  it('maps each variant and size to the stylesheet’s classes, keeping a caller’s own', () => {
    expect(buttonClass('primary', 'medium')).toBe('button button-primary')
    expect(buttonClass('quiet', 'small', 'extra')).toBe('button button-quiet button-small extra')
    expect(buttonClass('danger-quiet', 'large')).toBe('button button-danger-quiet button-large')
    // A link-looking button takes the size of the text around it.
    expect(buttonClass('link', 'small')).toBe('link-button')
  })

  it('passes aria and native attributes through', () => {
    const html = renderToStaticMarkup(createElement(Button, { 'aria-keyshortcuts': '?', disabled: true, title: 'Help' }, 'Shortcuts'))
    expect(html).toContain('aria-keyshortcuts="?"')
    expect(html).toContain('disabled=""')
    expect(html).toContain('title="Help"')
  })
})
