/**
 * What every forgiving parser (spreadsheet cells, place names, catalogue look-ups) returns: the value,
 * or the reason it could not be read. Reasons are message keys (see i18n/messages.ts), so the importer
 * can report them per cell in Chinese and English; `params` fill the message's placeholders.
 */
export type ParseParams = Readonly<Record<string, string | number>>;

export interface ParseSuccess<T> {
  readonly ok: true;
  readonly value: T;
}

export interface ParseFailure<R extends string = string> {
  readonly ok: false;
  readonly reason: R;
  readonly params?: ParseParams;
}

export type ParseResult<T, R extends string = string> = ParseSuccess<T> | ParseFailure<R>;

export function parsed<T>(value: T): ParseSuccess<T> {
  return { ok: true, value };
}

export function failed<R extends string>(reason: R, params?: ParseParams): ParseFailure<R> {
  return params === undefined ? { ok: false, reason } : { ok: false, reason, params };
}

/** True for the cells a clerk left empty: null, undefined, or only whitespace. */
export function isBlank(cell: unknown): cell is null | undefined | string {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
