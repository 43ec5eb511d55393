import { NavIcon } from './NavIcon'
import './SideNav.css'

export type Screen = 'overview' | 'invoices' | 'aging' | 'changes' | 'accounts' | 'activity' | 'duplicates' | 'settings'

const ITEMS: { screen: Screen; label: string }[] = [
  { screen: 'overview', label: 'Overview' },
  { screen: 'invoices', label: 'Invoices' },
  { screen: 'aging', label: 'Aging' },
  { screen: 'changes', label: 'Changes' },
  { screen: 'accounts', label: 'Accounts' },
  { screen: 'activity', label: 'Activity' },
  { screen: 'duplicates', label: 'Duplicates' },
  { screen: 'settings', label: 'Settings' }
]

type Props = {
  current: Screen | null
  onNavigate: (screen: Screen) => void
  version: string | null
  /** How many things on a screen need attention (e.g. failing accounts), shown as a badge. */
  alerts?: Partial<Record<Screen, number>>
}

export function SideNav({ current, onNavigate, version, alerts = {} }: Props) {
  return (
    <nav className="sidenav" aria-label="Main">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">Q</span>
        <span className="brand-name">Quire</span>
      </div>
      <ul className="sidenav-list">
        {ITEMS.map(({ screen, label }) => (
          <li key={screen}>
            <button
              type="button"
              className="sidenav-item"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => onNavigate(screen)}
              title={label}
            >
              <NavIcon screen={screen} />
              <span className="sidenav-label">{label}</span>
              {(alerts[screen] ?? 0) > 0 && (
                <span className="nav-alert">
                  {alerts[screen]}
                  <span className="sr-only"> need attention</span>
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {version && <p className="sidenav-version">Quire {version}</p>}
    </nav>
  )
}
