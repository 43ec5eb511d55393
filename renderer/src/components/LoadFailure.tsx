import { Component, type ReactNode } from 'react'
import { Notice } from './Notice'

type Props = { what: string; children: ReactNode }

/**
 * Around a part loaded on demand: when its code cannot be loaded (an update replaced the files
 * under a running window), that part says so instead of the whole window going blank.
 */
export class LoadFailure extends Component<Props, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return <Notice tone="error">{`The ${this.props.what} could not be loaded. Reload Quire (Ctrl+R) and try again.`}</Notice>
  }
}
