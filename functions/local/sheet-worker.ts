import { parentPort } from 'node:worker_threads';
import { readSheet, type SheetSpec, writeSheet, writeWorkbook } from '../imports/workbook.ts';
import { type FieldIssue, ValidationError } from '../shared/errors.ts';

/**
 * The worker thread of {@link ./sheet-worker-io.ts}: parses and writes spreadsheet files off the
 * local server's event loop. One message in, one out, matched by id.
 */
export type SheetRequest =
  | { id: number; op: 'read'; data: Uint8Array; format: Parameters<typeof readSheet>[1] }
  | {
      id: number;
      op: 'write';
      rows: Parameters<typeof writeSheet>[0];
      format: Parameters<typeof writeSheet>[1];
      options?: Parameters<typeof writeSheet>[2];
    }
  | { id: number; op: 'writeBook'; sheets: readonly SheetSpec[] };
export type SheetResponse =
  | { id: number; ok: true; value: unknown }
  /** `fields`: the file was refused (a sheet over a limit, …), as the ValidationError to throw again. */
  | { id: number; ok: false; error: string; fields?: readonly FieldIssue[] };

parentPort?.on('message', async (request: SheetRequest) => {
  try {
    const value =
      request.op === 'read'
        ? await readSheet(request.data, request.format)
        : request.op === 'writeBook'
          ? await writeWorkbook(request.sheets)
          : await writeSheet(request.rows, request.format, request.options);
    parentPort!.postMessage({ id: request.id, ok: true, value } satisfies SheetResponse);
  } catch (error) {
    const fields = error instanceof ValidationError ? error.fields : undefined;
    parentPort!.postMessage({
      id: request.id,
      ok: false,
      error: String(error),
      ...(fields ? { fields } : {}),
    } satisfies SheetResponse);
  }
});
