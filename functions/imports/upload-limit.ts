/** The largest spreadsheet an upload may be (the body limit on `/api/imports`). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
