import { resolveTemplate } from '@solid-primitives/i18n';
import { untrack } from 'solid-js';
import type { ErrorBody } from '../../../functions/contract/error-body.ts';
import { en } from '../i18n/en.ts';
import { type Localized, lang, langTag } from '../i18n/index.ts';
import { zh } from '../i18n/zh.ts';
import { currentToken, endSession } from '../session.ts';

/**
 * The one way the web talks to the API: base `/api`, JSON in and out, the session's bearer token,
 * `Accept-Language` = the UI language, and every failure as an `ApiError` carrying the server's
 * error body (its messages in both languages, so a language switch re-renders them).
 */

export const API_BASE = '/api';

export type FieldError = NonNullable<ErrorBody['error']['fields']>[number];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Localized,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(`${status} ${code}: ${messages.en}`);
    this.name = 'ApiError';
  }
}

/** Errors the client makes up itself, when there is no error body to show. */
const LOCAL_MESSAGES = {
  network: { zh: zh.errors.network, en: en.errors.network },
  unexpected: (status: number): Localized => ({
    zh: resolveTemplate(zh.errors.unexpected, { status }),
    en: resolveTemplate(en.errors.unexpected, { status }),
  }),
};

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const e = error as Partial<ErrorBody['error']>;
  return (
    typeof e.code === 'string' &&
    typeof e.messages === 'object' &&
    e.messages !== null &&
    typeof e.messages.zh === 'string' &&
    typeof e.messages.en === 'string'
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export type Query = Record<string, string | number | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Send no token even when signed in (sign-in and registration). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

function urlFor(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': untrack(() => langTag(lang())),
  };
  const token = options.anonymous ? undefined : untrack(currentToken);
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', LOCAL_MESSAGES.network);
  }
  const body = await readJson(response);
  if (response.ok) return body as T;
  const apiError = isErrorBody(body)
    ? new ApiError(response.status, body.error.code, body.error.messages, body.error.fields ?? [])
    : new ApiError(response.status, `http_${response.status}`, LOCAL_MESSAGES.unexpected(response.status));
  // A token the server no longer accepts ends the session; the shell then returns to sign-in.
  if (response.status === 401 && token) endSession({ messages: apiError.messages });
  throw apiError;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
};
