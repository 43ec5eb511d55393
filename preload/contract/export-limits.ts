/**
 * The most picked rows one CSV export takes as keys; a bigger set is exported as its filter. Its
 * own module, free of zod, so the renderer can hold a selection to it without bundling schemas.
 */
export const MAX_EXPORT_SELECTION = 100_000

/** The largest window `invoices.list` answers: a page, never a table. */
export const MAX_LIST_WINDOW = 500

/** The most keys one call for picked rows takes (their rows, their totals): what a copy can take. */
export const MAX_KEYS_PER_CALL = 10_000
