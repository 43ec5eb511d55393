import { z } from 'zod'
import { ExportProgress } from './browsing'
import { CacheHealth } from './cache'
import { LockStatus } from './lock'
import { SyncProgress } from './models'

/** Main → renderer pushes. The renderer subscribes by name; it cannot name a raw channel. */
export const events = {
  'sync.progress': SyncProgress,
  'accounts.changed': z.object({}),
  'network.status': z.object({ online: z.boolean() }),
  'export.progress': ExportProgress,
  'lock.changed': LockStatus,
  'cache.health': CacheHealth,
  /** The text of cached provider PDFs was indexed or dropped: searches and PDF checks may read differently now. */
  'pdfs.textIndexed': z.object({})
} as const satisfies Record<string, z.ZodType>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.infer<Events[E]>
