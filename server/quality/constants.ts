// Constants shared by the quality routes and reports.

/** An evaluation at or above this percent (and without a fired fail-all item) passes. */
export const PASS_PERCENT = 80;
