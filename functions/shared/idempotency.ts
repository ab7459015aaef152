import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../api/context.ts';
import { keys } from './db/keys.ts';
import { ConflictError, ValidationError } from './errors.ts';

/**
 * Retried creating requests create one thing: a POST with an `Idempotency-Key` header is recorded
 * per user and key; a retry with the same body gets the first response back, a different body a
 * 409, and a retry while the first is still running a 409 too. Records expire after a day.
 */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
const TTL_SECONDS = 24 * 3600;

interface IdempotencyRecord {
  state: 'running' | 'done';
  requestHash: string;
  status?: number;
  body?: string;
  contentType?: string;
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const idempotencyKey = c.req.header('idempotency-key');
    const principal = c.get('principal');
    if (idempotencyKey === undefined || !principal) return await next();
    if (!KEY_PATTERN.test(idempotencyKey)) {
      throw new ValidationError([{ field: 'Idempotency-Key', key: 'field.invalid_format' }]);
    }
    const { table, clock } = c.get('deps');
    const requestHash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}?${new URL(c.req.url).search}\n`)
      .update(await c.req.raw.clone().text())
      .digest('base64url');
    const key = keys.idempotency(principal.userId, idempotencyKey);
    const existing = await table.get<IdempotencyRecord>(key);
    if (existing) {
      if (existing.requestHash !== requestHash) throw new ConflictError('idempotency_conflict');
      if (existing.state !== 'done') throw new ConflictError();
      c.header('Idempotent-Replayed', 'true');
      return c.body(existing.body ?? '', (existing.status ?? 200) as 200, {
        'Content-Type': existing.contentType ?? 'application/json',
      });
    }
    const expiresAt = Math.floor(clock.now().getTime() / 1000) + TTL_SECONDS;
    await table.put(
      { ...key, state: 'running', requestHash, expiresAt },
      { expression: 'attribute_not_exists(pk)' },
    );
    try {
      await next();
    } catch (error) {
      await table.delete(key);
      throw error;
    }
    if (c.error || c.res.status >= 400) {
      await table.delete(key);
      return;
    }
    const body = await c.res.clone().text();
    await table.put({
      ...key,
      state: 'done',
      requestHash,
      status: c.res.status,
      body,
      contentType: c.res.headers.get('content-type') ?? 'application/json',
      expiresAt,
    });
  };
}
