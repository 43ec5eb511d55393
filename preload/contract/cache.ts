import { z } from 'zod'

/**
 * The cache's integrity, checked in the background after launch so a large cache opens at
 * once. `damaged` carries what to do (the one-step rebuild); `unchecked` means the check could
 * not run (e.g. the file was locked), which is not damage.
 */
export const CacheHealth = z.object({
  state: z.enum(['checking', 'ok', 'damaged', 'unchecked']),
  message: z.string().nullable()
})
export type CacheHealth = z.infer<typeof CacheHealth>

export const cacheMethods = {
  'cache.getHealth': {
    input: z.object({}).strict(),
    output: CacheHealth
  }
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>
