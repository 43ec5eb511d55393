import { z } from 'zod'
import { IsoInstant } from '../../preload/contract'

/**
 * One provider-recorded view of an invoice (CareSquare's invoice view sessions, seed 000), in
 * the shape Quire also records its own sessions in. Instants are UTC ISO 8601; the counters
 * are null where the provider sends null, e.g. for a session still open (`endedAt` null).
 */
export const UnifiedViewSession = z.object({
  remoteId: z.string().min(1),
  /** Not checked against the cache: a session may name an invoice that is not synced yet. */
  invoiceRemoteId: z.string().min(1),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  startedAt: IsoInstant,
  endedAt: IsoInstant.nullable(),
  lastHeartbeatAt: IsoInstant.nullable(),
  createdAt: IsoInstant.nullable(),
  durationSeconds: z.number().int().nonnegative().nullable(),
  activeSeconds: z.number().int().nonnegative().nullable(),
  engagedSeconds: z.number().int().nonnegative().nullable(),
  idleCount: z.number().int().nonnegative().nullable(),
  raw: z.unknown()
})
export type UnifiedViewSession = z.infer<typeof UnifiedViewSession>
