import { z } from 'zod'

/** How the person can prove it is them: the OS's own prompt where the platform has one, a Quire passcode, or both. */
export const SystemConfirmation = z.enum(['touch-id'])

export const LockStatus = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  /** Lock after this many minutes without keyboard or mouse input. */
  idleMinutes: z.number().int().min(1).max(480),
  /** Lock too when the OS locks the screen or the machine sleeps. */
  lockOnSystemLock: z.boolean(),
  hasPasscode: z.boolean(),
  /** The OS prompt this machine offers, or null (then a passcode is the only proof). */
  systemConfirmation: SystemConfirmation.nullable(),
  /** After repeated wrong passcodes: when the next attempt is accepted (ISO instant), else null. */
  retryAfter: z.string().nullable()
})
export type LockStatus = z.infer<typeof LockStatus>

/** A passcode: long enough to be worth having, short enough to type; never stored, only its scrypt hash. */
export const Passcode = z.string().min(6, 'A passcode needs at least 6 characters.').max(128)

export const lockMethods = {
  'lock.status': {
    input: z.object({}).strict(),
    output: LockStatus
  },
  'lock.configure': {
    input: LockStatus.pick({ enabled: true, idleMinutes: true, lockOnSystemLock: true }).partial().strict(),
    output: LockStatus
  },
  /** Sets, changes (`current` required) or removes (`passcode: null`) the unlock passcode. */
  'lock.setPasscode': {
    input: z.object({ passcode: Passcode.nullable(), current: z.string().max(128).optional() }).strict(),
    output: LockStatus
  },
  'lock.lockNow': {
    input: z.object({}).strict(),
    output: LockStatus
  },
  /**
   * `passcode` when one is set; `system: true` asks the OS prompt; neither unlocks only where the
   * lock has no proof configured at all (then it is a privacy screen, and the settings say so).
   */
  'lock.unlock': {
    input: z.object({ passcode: z.string().max(128).optional(), system: z.boolean().optional() }).strict(),
    output: LockStatus
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

/** What a locked app still answers: enough to draw the lock screen and to unlock, nothing about invoices. */
export const methodsAllowedWhileLocked = new Set<string>(['app.getInfo', 'lock.status', 'lock.unlock', 'activity.end'])
