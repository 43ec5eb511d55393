/**
 * The optional app lock. It is enforced here, in main: while locked, the IPC guard refuses every
 * call that could return invoice data (see methodsAllowedWhileLocked), so a renderer that
 * ignored the lock screen would still get nothing. The CLI is the OS user at a terminal and is
 * not subject to it.
 */
import type { LockStatus } from '../../preload/contract'
import type { Clock } from '../base/clock'
import { AppError } from '../base/errors'
import type { EventHub } from '../base/events'
import type { SettingsRepo } from '../db/settings.repo'
import type { SecretStore } from '../secrets/secret-store'
import { hashPasscode, needsRehash, verifyPasscode } from './passcode'
import type { UnlockAttemptsRepo } from './unlock-attempts.repo'

/** The OS's own "is it you?" prompt (macOS Touch ID, with the account password as its fallback). */
export interface SystemConfirmation {
  readonly kind: 'touch-id'
  /** Resolves true only when the person confirmed; a cancelled prompt is false, not an error. */
  confirm(reason: string): Promise<boolean>
}

export interface AppLockDeps {
  settings: SettingsRepo
  /** Wrong passcodes so far and the next allowed try, kept across restarts. */
  attempts: UnlockAttemptsRepo
  secrets: SecretStore
  clock: Clock
  events: EventHub
  /** Seconds since the person last touched the machine. Electron passes the OS's idle time; without it, time since the last call from the renderer. */
  idleSeconds?: () => number
  confirmation?: SystemConfirmation | null
}

/** Keychain entry for the passcode hash; account ids are UUIDs, so this cannot collide with one. */
export const PASSCODE_KEYCHAIN_ENTRY = 'quire.app-lock'
const IDLE_CHECK_MS = 15_000
/** Wrong passcodes allowed before each further attempt waits, doubling from 30 s up to 15 min. */
const FREE_ATTEMPTS = 5
const FIRST_WAIT_MS = 30_000
const LONGEST_WAIT_MS = 15 * 60_000

export class AppLock {
  private locked: boolean
  private lastActivity: number
  /** Passcode checks run one at a time, so parallel guesses cannot all slip in before the first failure counts. */
  private attemptQueue: Promise<unknown> = Promise.resolve()
  private passcode: Promise<string | null> | null = null
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly deps: AppLockDeps) {
    // With the lock on, a fresh start is locked: a restart must not be a way around it.
    this.locked = deps.settings.get().lockEnabled
    this.lastActivity = deps.clock.now().getTime()
  }

  get isLocked(): boolean {
    return this.locked
  }

  /** Starts watching for idle time. */
  start(): void {
    this.timer ??= setInterval(() => this.checkIdle(), IDLE_CHECK_MS)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  async status(): Promise<LockStatus> {
    // The state as of now: the keychain answers later, and the lock may have moved meanwhile.
    const settings = this.deps.settings.get()
    const locked = this.locked
    return this.snapshot(await this.hasPasscode(settings.lockEnabled), settings, locked)
  }

  private snapshot(hasPasscode: boolean, settings = this.deps.settings.get(), locked = this.locked): LockStatus {
    const { retryAt } = this.deps.attempts.get()
    return {
      enabled: settings.lockEnabled,
      locked,
      idleMinutes: settings.lockIdleMinutes,
      lockOnSystemLock: settings.lockOnSystemLock,
      hasPasscode,
      systemConfirmation: this.deps.confirmation?.kind ?? null,
      retryAfter: retryAt !== null && retryAt > this.now() ? new Date(retryAt).toISOString() : null
    }
  }

  /** Someone used the app: the idle countdown starts again. */
  noteActivity(): void {
    this.lastActivity = this.now()
  }

  checkIdle(): void {
    const settings = this.deps.settings.get()
    if (!settings.lockEnabled || this.locked) return
    const idle = this.deps.idleSeconds ? this.deps.idleSeconds() : (this.now() - this.lastActivity) / 1000
    if (idle >= settings.lockIdleMinutes * 60) this.engage()
  }

  /** The OS locked the screen or is going to sleep. */
  onSystemLock(): void {
    const settings = this.deps.settings.get()
    if (settings.lockEnabled && settings.lockOnSystemLock && !this.locked) this.engage()
  }

  async lockNow(): Promise<LockStatus> {
    if (!this.deps.settings.get().lockEnabled)
      throw new AppError('CONFLICT', 'The app lock is off. Turn it on under Settings → Privacy and app lock.')
    if (!this.locked) this.engage()
    return this.status()
  }

  async configure(changes: { enabled?: boolean; idleMinutes?: number; lockOnSystemLock?: boolean }): Promise<LockStatus> {
    // The passcode lives in the keychain: a lock that could not read it could not be unlocked.
    if (changes.enabled) await this.storedPasscode()
    this.deps.settings.update({
      lockEnabled: changes.enabled,
      lockIdleMinutes: changes.idleMinutes,
      lockOnSystemLock: changes.lockOnSystemLock
    })
    this.noteActivity()
    return this.announce()
  }

  setPasscode(passcode: string | null, current: string | undefined): Promise<LockStatus> {
    return this.oneAttemptAtATime(async () => {
      const stored = await this.storedPasscode()
      if (stored !== null && !(await this.checkPasscode(current, stored))) {
        throw new AppError(
          'FORBIDDEN',
          current ? 'That is not your current passcode.' : 'Enter your current passcode to change or remove it.'
        )
      }
      this.passcode = null
      if (passcode === null) await this.deps.secrets.delete(PASSCODE_KEYCHAIN_ENTRY)
      else await this.deps.secrets.set(PASSCODE_KEYCHAIN_ENTRY, await hashPasscode(passcode))
      return this.announce()
    })
  }

  unlock(proof: { passcode?: string; system?: boolean }): Promise<LockStatus> {
    return this.oneAttemptAtATime(async () => {
      if (!this.locked) return this.status()
      const stored = await this.storedPasscode()
      const confirmation = this.deps.confirmation ?? null
      if (proof.system) {
        if (!confirmation) throw new AppError('CONFLICT', 'This computer offers no system prompt to unlock with.')
        if (!(await confirmation.confirm('unlock Quire'))) throw new AppError('LOCKED', 'Unlock was not confirmed.')
      } else if (stored !== null) {
        if (!(await this.checkPasscode(proof.passcode, stored))) throw new AppError('LOCKED', 'That passcode is not right.')
        if (needsRehash(stored)) await this.upgradeHash(proof.passcode!)
      } else if (confirmation) {
        throw new AppError('LOCKED', 'Confirm it is you to unlock Quire.')
      }
      this.locked = false
      this.deps.attempts.set({ failures: 0, retryAt: null })
      this.noteActivity()
      return this.announce()
    })
  }

  /**
   * The failure is counted (and stored) before the hash is checked, so neither a parallel guess
   * nor a crash or kill mid-check gets a free try; a right passcode takes it back.
   */
  private async checkPasscode(candidate: string | undefined, stored: string): Promise<boolean> {
    this.refuseWhileWaiting()
    const before = this.deps.attempts.get()
    this.countFailure(before.failures + 1)
    if (candidate !== undefined && (await verifyPasscode(candidate, stored))) {
      this.deps.attempts.set({ failures: 0, retryAt: null })
      return true
    }
    return false
  }

  /** A hash made at an older, cheaper cost is made again at today's, now that the passcode is known. */
  private async upgradeHash(passcode: string): Promise<void> {
    await this.deps.secrets.set(PASSCODE_KEYCHAIN_ENTRY, await hashPasscode(passcode))
    this.passcode = null
  }

  private oneAttemptAtATime<T>(attempt: () => Promise<T>): Promise<T> {
    const run = this.attemptQueue.then(attempt, attempt)
    this.attemptQueue = run.catch(() => undefined)
    return run
  }

  /**
   * Locking must reach the renderer even when the keychain cannot say whether a passcode exists:
   * then the lock screen asks for one (fail closed) and the unlock call reports the keychain error.
   */
  private engage(): void {
    this.locked = true
    this.announce().catch(() => this.deps.events.emit('lock.changed', this.snapshot(true)))
  }

  private async announce(): Promise<LockStatus> {
    const status = await this.status()
    this.deps.events.emit('lock.changed', status)
    return status
  }

  /**
   * With the lock off, an unreadable keychain must not stop the app from opening (cached invoices
   * are browsable without it); with the lock on, it fails closed.
   */
  private async hasPasscode(lockEnabled: boolean): Promise<boolean> {
    try {
      return (await this.storedPasscode()) !== null
    } catch (error) {
      if (lockEnabled) throw error
      return false
    }
  }

  private storedPasscode(): Promise<string | null> {
    this.passcode ??= this.deps.secrets.get(PASSCODE_KEYCHAIN_ENTRY).catch((error: unknown) => {
      this.passcode = null
      throw error
    })
    return this.passcode
  }

  private refuseWhileWaiting(): void {
    const { retryAt } = this.deps.attempts.get()
    if (retryAt === null || retryAt <= this.now()) return
    const seconds = Math.ceil((retryAt - this.now()) / 1000)
    throw new AppError('LOCKED', `Too many wrong passcodes. Try again in ${seconds} s.`)
  }

  private countFailure(failures: number): void {
    const wait = failures < FREE_ATTEMPTS ? null : Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_ATTEMPTS), LONGEST_WAIT_MS)
    this.deps.attempts.set({ failures, retryAt: wait === null ? null : this.now() + wait })
  }

  private now(): number {
    return this.deps.clock.now().getTime()
  }
}
