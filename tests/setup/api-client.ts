import type { Hono } from 'hono';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the Hono app in-process (as @hono/node-server and the Lambda adapter both do). */
export function apiClient(
  // biome-ignore lint/suspicious/noExplicitAny: any app
  app: Hono<any>,
  defaults: { token?: string; lang?: 'zh' | 'en' } = {},
) {
  async function call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      contentType?: string;
      token?: string | null;
      lang?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === null ? undefined : (options.token ?? defaults.token);
    if (token) headers.authorization = `Bearer ${token}`;
    const lang = options.lang ?? defaults.lang;
    if (lang) headers['accept-language'] = lang;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    call,
    get: <T = Record<string, unknown>>(path: string, o?: Parameters<typeof call>[2]) =>
      call<T>('GET', path, o),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, o?: Parameters<typeof call>[2]) =>
      call<T>('POST', path, { ...o, body }),
    patch: <T = Record<string, unknown>>(path: string, body?: unknown, o?: Parameters<typeof call>[2]) =>
      call<T>('PATCH', path, { ...o, body }),
    put: <T = Record<string, unknown>>(path: string, body?: unknown, o?: Parameters<typeof call>[2]) =>
      call<T>('PUT', path, { ...o, body }),
    delete: <T = Record<string, unknown>>(path: string, o?: Parameters<typeof call>[2]) =>
      call<T>('DELETE', path, o),
    as: (token: string) => apiClient(app, { ...defaults, token }),
  };
}
