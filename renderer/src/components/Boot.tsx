import { Notice } from './Notice'
import { Button } from './Button'
import './Boot.css'

type Props = { state: { status: 'loading' } | { status: 'failed'; message: string }; onRetry: () => void }

/** What shows while the app's first answer from main is on its way, or why it did not come. */
export function Boot({ state, onRetry }: Props) {
  if (state.status === 'loading') {
    return (
      <p className="boot" role="status">
        Opening Quire…
      </p>
    )
  }
  return (
    <div className="boot">
      <Notice tone="error">{state.message}</Notice>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  )
}
