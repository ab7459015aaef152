import { resolveTemplate } from '@solid-primitives/i18n';
import { untrack } from 'solid-js';
import type { ErrorBody } from '../../../functions/contract/error-body.ts';
import type {
  ImportAction,
  ImportJob as ImportRecord,
  ImportStatus,
  RowError,
} from '../../../functions/contract/import-job.ts';
import type { ListingKind } from '../../../functions/contract/listing.ts';
import { en } from '../i18n/en.ts';
import { type Lang, lang, langTag } from '../i18n/index.ts';
import { zh } from '../i18n/zh.ts';
import { currentToken, endSession } from '../session.ts';
import { API_BASE, ApiError, api, type Query } from './client.ts';

/**
 * Spreadsheet imports (POST /api/imports with the raw file, then commit or discard) and the
 * requests api/client.ts does not make: a raw body, extra headers (Idempotency-Key), a file as the
 * answer. Errors come back as the same ApiError as everywhere else.
 */

export type { ImportAction, ImportStatus, RowError };

/** An import as the API shows it: with what the viewer may do to it now (commit, discard). */
export type ImportJob = ImportRecord & { actions: ImportAction[] };
export type SheetFormat = 'xlsx' | 'csv';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

// ── raw requests ──────────────────────────────────────────────────────────────────────────────

interface RawOptions {
  query?: Query;
  headers?: Record<string, string>;
  body?: BodyInit;
  accept?: string;
}

function urlFor(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error as Partial<ErrorBody['error']> | null;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.code === 'string' &&
    typeof error.messages?.zh === 'string' &&
    typeof error.messages?.en === 'string'
  );
}

/** A request whose body or answer is not JSON; resolves to the response when it is 2xx. */
export async function sendRaw(method: string, path: string, options: RawOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? 'application/json',
    'Accept-Language': untrack(() => langTag(lang())),
    ...options.headers,
  };
  const token = untrack(currentToken);
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), {
      method,
      headers,
      body: options.body,
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0, 'network', { zh: zh.errors.network, en: en.errors.network });
  }
  if (response.ok) return response;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const error = isErrorBody(body)
    ? new ApiError(response.status, body.error.code, body.error.messages, body.error.fields ?? [])
    : new ApiError(response.status, `http_${response.status}`, {
        zh: resolveTemplate(zh.errors.unexpected, { status: response.status }),
        en: resolveTemplate(en.errors.unexpected, { status: response.status }),
      });
  if (response.status === 401 && token) endSession({ messages: error.messages });
  throw error;
}

/** JSON in, JSON out, with extra headers (e.g. Idempotency-Key). */
export async function sendJson<T>(
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await sendRaw(method, path, {
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

/** The file name the server gave (Content-Disposition), or `fallback`. */
function fileNameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Downloads a file the API makes (it needs the bearer token, so a plain link will not do): fetched,
 * then saved through a temporary link. Resolves to the file name.
 */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<string> {
  const response = await sendRaw('GET', path, { query, accept: '*/*' });
  const name = fileNameOf(response, fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

// ── imports ───────────────────────────────────────────────────────────────────────────────────

/** GET /api/imports/template: the template for a kind (organizers' has the firm columns). */
export const downloadTemplate = (kind: ListingKind, format: SheetFormat, language: Lang) =>
  downloadFile('/imports/template', { kind, format, lang: language }, `gongxu-${kind}-template.${format}`);

export function formatOfFile(name: string): SheetFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/** POST /api/imports with the file's bytes: checked, nothing posted yet. */
export async function uploadImport(
  kind: ListingKind,
  file: File,
  format: SheetFormat,
  idempotencyKey: string,
): Promise<ImportJob> {
  const response = await sendRaw('POST', '/imports', {
    query: { kind, format, fileName: file.name.slice(0, 200) },
    headers: { 'Content-Type': 'application/octet-stream', 'Idempotency-Key': idempotencyKey },
    body: await file.arrayBuffer(),
  });
  return (await response.json()) as ImportJob;
}

/** POST /api/imports/:id/commit: a few seconds' work; call again until `committed`. */
export const commitImport = (importId: string): Promise<ImportJob> =>
  api.post<ImportJob>(`/imports/${encodeURIComponent(importId)}/commit`, undefined);

/** POST /api/imports/:id/discard: import none of the rows. */
export const discardImport = (importId: string): Promise<ImportJob> =>
  api.post<ImportJob>(`/imports/${encodeURIComponent(importId)}/discard`, undefined);

export const fetchImport = (importId: string): Promise<ImportJob> =>
  api.get<ImportJob>(`/imports/${encodeURIComponent(importId)}`);

/** GET /api/imports: my organisation's imports, newest first (each with its first errors only). */
export const fetchImports = (cursor?: string, limit = 20): Promise<Page<ImportJob>> =>
  api.get<Page<ImportJob>>('/imports', { query: { cursor, limit } });

/** A key for one upload or one form submission: a retry of the same request creates one thing. */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** An issued invitation: the code, the register page's link for it, and when it stops working. */
export interface Invitation {
  orgId: string;
  name: string;
  creditCode: string;
  inviteCode: string;
  invitePath: string;
  expiresAt: string;
}

/** An invitation code for a firm an organizer's import listed (shown once; hand it to the firm). */
export const issueInvitation = (orgId: string): Promise<Invitation> =>
  sendJson('POST', `/orgs/${orgId}/invitation`, {});
