/**
 * The most picked rows one CSV export takes as keys; a bigger set is exported as its filter. Its
 * own module, free of zod, so the renderer can hold a selection to it without bundling schemas.
 */
export const MAX_EXPORT_SELECTION = 100_000
