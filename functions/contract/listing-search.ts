/**
 * How a listing search may be refined (GET /api/listings?q=…&sort=…): the sorts, and how many
 * listings of the region's one Query a refined search reads before filtering and sorting them.
 */
export const SEARCH_SORTS = ['date', 'quantity', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** The bound of a keyword or sorted search: the first this-many listings of the region/category. */
export const MAX_REFINED_READ = 500;
