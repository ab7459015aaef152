/**
 * Browser stand-in for functions/regions/regions.ts, swapped in by web/vite.config.ts so that the
 * shared schemas (functions/shared/schema-fields.ts) can run in the browser without shipping the
 * 400 kB table of China's divisions. Only the format is checked here: the region picker offers
 * real codes only, and the API checks the code against the table anyway.
 */
export const isValidAdcode = (code: string): boolean => /^\d{6}$/.test(code) && code !== '100000';
