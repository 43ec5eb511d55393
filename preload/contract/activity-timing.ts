/**
 * The timing both sides of local view-session recording agree on. Plain constants with no
 * imports, so the renderer can use them without bundling zod or the schemas.
 */

/** How often the renderer reports on a local session it is recording. */
export const HEARTBEAT_SECONDS = 5
/** A local session whose last heartbeat is older than this many intervals is over, ended there. */
export const STALE_AFTER_HEARTBEATS = 3
/** Input within this many seconds makes the viewer engaged; when it runs out they go idle. */
export const ENGAGED_WINDOW_SECONDS = 30
