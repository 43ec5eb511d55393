import { COLUMN_BY_ID } from './columns'
import { Popover } from '../../components/Popover'
import type { ColumnLayoutState } from './useColumnLayout'
import { Button } from '../../components/Button'

/** Which columns show and in what order; widths are set by dragging the header edges. */
export function ColumnChooser({ columns }: { columns: ColumnLayoutState }) {
  const { layout, toggle, move, reset } = columns
  const shown = layout.order.length - layout.hidden.length
  return (
    <Popover label="Columns" title="Columns" className="column-chooser">
      {() => (
        <>
          <ul className="column-list">
            {layout.order.map((id, index) => {
              const label = COLUMN_BY_ID.get(id)!.label
              const visible = !layout.hidden.includes(id)
              return (
                <li key={id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={visible} disabled={visible && shown === 1} onChange={() => toggle(id)} />
                    {label}
                  </label>
                  <span className="column-moves">
                    <Button
                      variant="quiet"
                      size="small"
                      aria-label={`Move ${label} earlier`}
                      disabled={index === 0}
                      onClick={() => move(id, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="quiet"
                      size="small"
                      aria-label={`Move ${label} later`}
                      disabled={index === layout.order.length - 1}
                      onClick={() => move(id, 1)}
                    >
                      ↓
                    </Button>
                  </span>
                </li>
              )
            })}
          </ul>
          <Button size="small" onClick={reset}>
            Reset columns
          </Button>
        </>
      )}
    </Popover>
  )
}
