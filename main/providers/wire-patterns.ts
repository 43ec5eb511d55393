/**
 * The wire shapes the four references share, declared once so "a decimal string", "a date" and
 * "an instant" mean the same on every provider. A provider's schema composes these; where its
 * reference is stricter (Yeti's instants always carry a time), it says so with its own pattern.
 */
import { z } from 'zod'

/** An exact decimal as text; the example is the provider's own, so the error reads in its terms. */
export function wireDecimal(example: string) {
  return z.string().regex(/^-?\d+(\.\d+)?$/, `expected a decimal string like "${example}"`)
}

/** A calendar date: no time, no zone. It keeps the provider's meaning and is never converted. */
export const wireDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')

const INSTANT_MESSAGE = 'expected an ISO 8601 timestamp'

/** A point in time, in any form Date.parse reads; normalised to UTC by the maps. */
export const wireInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), INSTANT_MESSAGE)

/** An instant that must carry its date and time part ("2025-02-01T00:00+02:00"), not a bare date. */
export const wireDateTimeInstant = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), INSTANT_MESSAGE)
