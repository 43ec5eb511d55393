import { useId, useState, type FormEvent } from 'react'
import type { SavedView, SavedViewState } from '../../lib/contract'
import { errorMessage } from '../../lib/errorMessage'
import { Popover } from '../../components/Popover'
import { sameState, useSavedViews } from './useSavedViews'
import { Button } from '../../components/Button'

type Props = {
  current: SavedViewState
  onApply: (state: SavedViewState) => void
}

/** Named filter + sort + columns: pick one to show it, save what is on screen under a name. */
export function SavedViews({ current, onApply }: Props) {
  const id = useId()
  const { views, defaultId, error, save, remove, setDefault } = useSavedViews()
  const [actionError, setActionError] = useState<string | null>(null)
  const act = (work: Promise<unknown>) =>
    work.then(
      () => setActionError(null),
      (e: unknown) => setActionError(errorMessage(e))
    )
  const active = views.find((view) => sameState(view.state, current)) ?? null

  return (
    <div className="saved-views">
      <label htmlFor={`${id}-view`} className="sr-only">
        Saved view
      </label>
      <select
        id={`${id}-view`}
        value={active ? String(active.id) : ''}
        onChange={(e) => {
          const view = views.find((v) => String(v.id) === e.target.value)
          if (view) onApply(view.state)
        }}
      >
        <option value="">{views.length === 0 ? 'No saved views' : 'Unsaved view'}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.id === defaultId ? `${view.name} (default)` : view.name}
          </option>
        ))}
      </select>
      <Popover label="Save view…" title="Save view">
        {(close) => <SaveViewForm views={views} onSave={async (name) => save(name, current).then(close)} />}
      </Popover>
      {active && (
        <Button
          variant="quiet"
          title={
            active.id === defaultId
              ? 'Invoices will open with the filters and sort last used'
              : `Invoices will open with “${active.name}” when Quire starts`
          }
          onClick={() => void act(setDefault(active.id === defaultId ? null : active.id))}
        >
          {active.id === defaultId ? 'Unset default' : 'Set as default'}
        </Button>
      )}
      {active && (
        <Button variant="quiet" onClick={() => void act(remove(active.id))}>
          Delete view
        </Button>
      )}
      {actionError && (
        <p role="alert" className="field-error">
          {actionError}
        </p>
      )}
      {error && (
        <p role="alert" className="field-error">
          Saved views could not be loaded: {error}
        </p>
      )}
    </div>
  )
}

function SaveViewForm({ views, onSave }: { views: SavedView[]; onSave: (name: string) => Promise<void> }) {
  const id = useId()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const replaces = views.find((view) => view.name.toLowerCase() === name.trim().toLowerCase())

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!name.trim()) return setError('Give the view a name.')
    try {
      await onSave(name.trim())
    } catch (e) {
      setError(errorMessage(e))
    }
  }

  return (
    <form className="save-view" onSubmit={(e) => void submit(e)} aria-label="Save view">
      <div className="field">
        <label htmlFor={`${id}-name`}>View name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={80}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <span id={`${id}-hint`} className="hint">
          {replaces ? `Replaces “${replaces.name}”.` : 'Saves the filters, sort and columns on screen.'}
        </span>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <Button type="submit" variant="primary" size="small">
        Save
      </Button>
    </form>
  )
}
