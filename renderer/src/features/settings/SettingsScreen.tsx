import type { LockStatus } from '../../lib/contract'
import { LockSettings } from '../lock/LockSettings'
import { DiagnosticsSetting } from './DiagnosticsSetting'
import { PdfCacheSetting } from './PdfCacheSetting'
import { SyncIntervalSetting } from './SyncIntervalSetting'
import './settings.css'

type Props = { lock: LockStatus; onLockChanged: (lock: LockStatus) => void }

export function SettingsScreen({ lock, onLockChanged }: Props) {
  return (
    <div className="screen settings-screen">
      <div className="screen-head">
        <h1 tabIndex={-1}>Settings</h1>
        <p className="screen-lede">Kept on this computer. Recording view sessions is under Activity.</p>
      </div>
      <LockSettings lock={lock} onChanged={onLockChanged} />
      <SyncIntervalSetting />
      <PdfCacheSetting />
      <DiagnosticsSetting />
    </div>
  )
}
