/**
 * Below this width a side pane of 440 px would squeeze the list until only the pinned columns
 * show, so the invoice detail opens as a drawer over the list instead.
 */
export const DETAIL_AS_DRAWER = '(max-width: 1279px)'

/**
 * A window too short for the totals of every currency and still a useful number of rows
 * (a laptop at 1024×640): the footer shows the first currencies and says how many more there are.
 */
export const SHORT_WINDOW = '(max-height: 760px)'

/**
 * Below this width the filter line (search, Status, Account, More filters and Clear filters)
 * fills the list's width without the Removed filter, so that rarely used one waits under
 * More filters instead of wrapping onto a line of its own (at 1440 px the line has 80 px to spare).
 */
export const REMOVED_UNDER_MORE_FILTERS = '(max-width: 1439px)'
