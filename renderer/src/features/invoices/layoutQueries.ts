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
