/**
 * The arithmetic of a local view session, kept pure so it can be checked to the millisecond.
 *
 * Time between two heartbeats is counted in the viewer state reported at the first of them: the
 * renderer sends a heartbeat at once whenever focus or visibility changes, so that state held
 * for the whole interval. Active = the window focused and visible. Engaged = active, with input
 * in the last ENGAGED_WINDOW_SECONDS. The viewer goes idle when that window runs out with no
 * newer input; each such transition counts once. Only the latest input is reported, so input
 * that a later one hides inside the same few seconds is not seen: engaged time is a lower bound.
 */
import { ENGAGED_WINDOW_SECONDS, HEARTBEAT_SECONDS, STALE_AFTER_HEARTBEATS } from '../../preload/contract/activity-timing'

export const ENGAGED_WINDOW_MS = ENGAGED_WINDOW_SECONDS * 1000
export const STALE_AFTER_MS = STALE_AFTER_HEARTBEATS * HEARTBEAT_SECONDS * 1000

/** What a local session carries from one heartbeat to the next; times are epoch milliseconds. */
export interface Tracker {
  startedAt: number
  lastHeartbeatAt: number
  activeMs: number
  engagedMs: number
  idleCount: number
  /** Focused and visible as of the last heartbeat: the state the next interval is counted in. */
  viewerActive: boolean
  lastInputAt: number | null
}

export interface Sample {
  focused: boolean
  visible: boolean
  lastInputAt: number | null
}

export function startTracker(now: number, sample: Sample): Tracker {
  return {
    startedAt: now,
    lastHeartbeatAt: now,
    activeMs: 0,
    engagedMs: 0,
    idleCount: 0,
    viewerActive: sample.focused && sample.visible,
    lastInputAt: sample.lastInputAt === null ? null : Math.min(sample.lastInputAt, now)
  }
}

/**
 * A session whose heartbeats stopped (a crash, a kill, a machine asleep) is over, ended at its
 * last heartbeat: never an endless session, and never time nobody was there for.
 */
export function isStale(tracker: Pick<Tracker, 'lastHeartbeatAt'>, now: number): boolean {
  return now - tracker.lastHeartbeatAt > STALE_AFTER_MS
}

/**
 * Counts the interval since the last heartbeat and takes the new sample. `sample` is null when
 * the session ends: the interval is counted and nothing new was seen.
 */
export function advance(tracker: Tracker, now: number, sample: Sample | null): Tracker {
  const from = tracker.lastHeartbeatAt
  const to = Math.max(from, now)
  const previous = tracker.lastInputAt
  // An input time from the future (a clock step) counts as now; an older one than known, not at all.
  const reported = sample?.lastInputAt == null ? null : Math.min(sample.lastInputAt, to)
  const fresh = reported !== null && (previous === null || reported > previous) ? reported : null
  const windows = [previous, fresh].filter((at): at is number => at !== null).map((at) => ({ start: at, end: at + ENGAGED_WINDOW_MS }))

  // A window's end is a move into idle unless a newer input's window already began by then.
  const idle = windows.filter((window, index) => {
    const next = windows[index + 1]
    return window.end > from && window.end <= to && (next === undefined || next.start > window.end)
  }).length

  return {
    startedAt: tracker.startedAt,
    lastHeartbeatAt: to,
    activeMs: tracker.activeMs + (tracker.viewerActive ? to - from : 0),
    engagedMs: tracker.engagedMs + (tracker.viewerActive ? coveredWithin(windows, from, to) : 0),
    idleCount: tracker.idleCount + idle,
    viewerActive: sample === null ? tracker.viewerActive : sample.focused && sample.visible,
    lastInputAt: fresh ?? previous
  }
}

/** How much of (from, to] the windows cover; they are sorted by start. */
function coveredWithin(windows: { start: number; end: number }[], from: number, to: number): number {
  let covered = 0
  let reached = from
  for (const { start, end } of windows) {
    const lo = Math.max(start, reached)
    const hi = Math.min(end, to)
    if (hi > lo) covered += hi - lo
    reached = Math.max(reached, hi)
  }
  return covered
}

/** Whole seconds, as the provider reports them; rounding once from exact totals never drifts. */
export function toSeconds(ms: number): number {
  return Math.round(ms / 1000)
}
