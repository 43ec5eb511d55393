import { z } from 'zod'
import { AccountId, IsoInstant, ProviderId } from './models'

/**
 * Invoice view sessions: who looked at an invoice, when and how attentively. `remote` sessions
 * come from the provider (CareSquare, seed 000); `local` ones are recorded by Quire while an
 * invoice is open, stay on this machine, and can be turned off and cleared.
 */

export { ENGAGED_WINDOW_SECONDS, HEARTBEAT_SECONDS, STALE_AFTER_HEARTBEATS } from './activity-timing'

export const ViewSessionSource = z.enum(['remote', 'local'])
export type ViewSessionSource = z.infer<typeof ViewSessionSource>

/** What a local session watched: the detail pane or the PDF viewer. */
export const ViewSurface = z.enum(['detail', 'pdf'])
export type ViewSurface = z.infer<typeof ViewSurface>

/** The window as the renderer sees it at a heartbeat. */
export const ViewerState = z
  .object({
    focused: z.boolean(),
    visible: z.boolean(),
    /** The latest keyboard or pointer input in the window; null if none yet. */
    lastInputAt: IsoInstant.nullable()
  })
  .strict()
export type ViewerState = z.infer<typeof ViewerState>

const Seconds = z.number().int().nonnegative()

export const ViewSession = z.object({
  source: ViewSessionSource,
  /** The provider's session id, or the local session's UUID. */
  id: z.string(),
  accountId: AccountId,
  account: z.string(),
  provider: ProviderId,
  invoiceRemoteId: z.string(),
  /** The invoice's number when it is cached; a provider may list sessions for invoices not synced yet. */
  invoiceNumber: z.string().nullable(),
  invoiceCached: z.boolean(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  surface: ViewSurface.nullable(),
  startedAt: IsoInstant,
  endedAt: IsoInstant.nullable(),
  lastHeartbeatAt: IsoInstant.nullable(),
  /** Still going: a remote session the provider reports open, or a local one heartbeating now. */
  open: z.boolean(),
  /** Null where the provider sends null; an open local session's counts run to its last heartbeat. */
  durationSeconds: Seconds.nullable(),
  activeSeconds: Seconds.nullable(),
  engagedSeconds: Seconds.nullable(),
  idleCount: Seconds.nullable()
})
export type ViewSession = z.infer<typeof ViewSession>

export const ViewSessionTotals = z.object({
  sessions: Seconds,
  remote: Seconds,
  local: Seconds,
  /** Distinct people (by name) with a session. */
  viewers: Seconds,
  durationSeconds: Seconds,
  activeSeconds: Seconds,
  engagedSeconds: Seconds,
  idleCount: Seconds,
  /** Sessions still open (here or at the provider), or with no duration: left out of the sums, and counted here. */
  unmeasured: Seconds,
  lastViewedAt: IsoInstant.nullable()
})
export type ViewSessionTotals = z.infer<typeof ViewSessionTotals>

/** The last sync of an account's remote view sessions: it never fails the invoice sync, so its failure is shown here. */
export const RemoteViewSync = z.object({
  accountId: AccountId,
  account: z.string(),
  attemptedAt: IsoInstant,
  /** The last complete sync, kept when a later one failed. */
  syncedAt: IsoInstant.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable()
})
export type RemoteViewSync = z.infer<typeof RemoteViewSync>

export const InvoiceActivity = z.object({
  /** Newest first, remote and local together. */
  sessions: z.array(ViewSession),
  totals: ViewSessionTotals,
  /** Null when the account's provider records no view sessions (or they were never synced). */
  remoteSync: RemoteViewSync.nullable()
})
export type InvoiceActivity = z.infer<typeof InvoiceActivity>

export const RecentActivity = z.object({
  sessions: z.array(ViewSession),
  remoteSync: z.array(RemoteViewSync)
})
export type RecentActivity = z.infer<typeof RecentActivity>

export const ActivitySettings = z.object({
  /** Record local view sessions (on by default); off records nothing from then on. */
  recordLocal: z.boolean()
})
export type ActivitySettings = z.infer<typeof ActivitySettings>

const RemoteId = z.string().min(1).max(512)
const SessionId = z.string().uuid()

/** Spread into the contract's method table (methods.ts). */
export const activityMethods = {
  'activity.forInvoice': {
    input: z.object({ accountId: AccountId, remoteId: RemoteId }).strict(),
    output: InvoiceActivity
  },
  'activity.recent': {
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: RecentActivity
  },
  'activity.begin': {
    input: z.object({ accountId: AccountId, remoteId: RemoteId, surface: ViewSurface, state: ViewerState }).strict(),
    /** null: recording is off, and nothing was written. */
    output: z.object({ sessionId: SessionId.nullable() })
  },
  'activity.heartbeat': {
    input: z.object({ sessionId: SessionId, state: ViewerState }).strict(),
    /** false: the session is over (stale, cleared, or recording turned off); begin another to go on. */
    output: z.object({ open: z.boolean() })
  },
  'activity.end': {
    input: z.object({ sessionId: SessionId }).strict(),
    /** false: it had already ended (or was cleared). */
    output: z.object({ ended: z.boolean() })
  },
  'activity.settings': {
    input: z.object({}).strict(),
    output: ActivitySettings
  },
  'activity.updateSettings': {
    input: ActivitySettings.partial().strict(),
    output: ActivitySettings
  },
  'activity.clearLocal': {
    input: z.object({}).strict(),
    output: z.object({ cleared: z.number().int().nonnegative() })
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
