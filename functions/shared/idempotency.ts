import { createHash, randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../api/context.ts';
import { keys } from './db/keys.ts';
import { ConditionFailed, ConflictError, ValidationError } from './errors.ts';

/**
 * Retried creating requests create one thing, as AWS Powertools' idempotency utility does it: a POST
 * with an `Idempotency-Key` header is recorded per user and key.
 *
 * - While the first request runs, its record is *in progress* until the request's time limit (what
 *   is left of the Lambda's timeout, else `config.requestTimeLimitMs`): a retry then gets 409
 *   `idempotency_in_progress`. A request that never finished (a timeout, a crash) does not lock the
 *   key: once that limit passes, the next retry takes the key over and runs.
 * - A request that succeeded is *completed*: a retry with the same method, path and body gets the
 *   first response back (`Idempotent-Replayed: true`) for {@link COMPLETED_TTL_SECONDS}; a different
 *   body gets 409 `idempotency_conflict`.
 * - A request that failed (any 4xx/5xx, or a thrown error) deletes its record: the key is free and
 *   the retry runs again. Failures are never replayed.
 *
 * Expiry is checked in the conditional write that claims the key (DynamoDB's TTL only removes the
 * item eventually), which returns the live record when there is one: a request costs no read before
 * its claim, and two retries racing for an expired key are decided by that condition.
 */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** How long a completed response is replayed. */
export const COMPLETED_TTL_SECONDS = 24 * 3600;

export interface IdempotencyRecord {
  state: 'running' | 'done';
  requestHash: string;
  /** Who holds the record: only the request that claimed it completes or frees it. */
  owner: string;
  /** Epoch ms after which a running record no longer holds the key. */
  inProgressExpiresAt?: number;
  /** Epoch seconds after which the record no longer exists (also the table's TTL attribute). */
  expiresAt: number;
  status?: number;
  body?: string;
  contentType?: string;
}

/** The fingerprint a retry must match: method, path, query and body. */
export function requestFingerprint(method: string, path: string, search: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}?${search}\n`).update(body).digest('base64url');
}

/** What is left of this request's time: the Lambda's own clock if there is one, else the configured limit. */
function requestTimeLimitMs(c: Context<AppEnv>, configured: number): number {
  const env = c.env as { lambdaContext?: { getRemainingTimeInMillis?: () => number } } | undefined;
  const remaining = env?.lambdaContext?.getRemainingTimeInMillis?.();
  return typeof remaining === 'number' && remaining > 0 ? remaining : configured;
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const idempotencyKey = c.req.header('idempotency-key');
    const principal = c.get('principal');
    if (idempotencyKey === undefined || !principal) return await next();
    if (!KEY_PATTERN.test(idempotencyKey)) {
      throw new ValidationError([{ field: 'Idempotency-Key', key: 'field.invalid_format' }]);
    }
    const { table, clock, config } = c.get('deps');
    const requestHash = requestFingerprint(
      c.req.method,
      c.req.path,
      new URL(c.req.url).search,
      await c.req.raw.clone().text(),
    );
    const key = keys.idempotency(principal.userId, idempotencyKey);
    const nowMs = clock.now().getTime();

    // Claim the key in one conditional write: it is free if absent or whatever is there has expired.
    // If it is not, the write returns the live record in the way (no read before the claim).
    const owner = randomUUID();
    const expiresAt = Math.floor(nowMs / 1000) + COMPLETED_TTL_SECONDS;
    const held = await table.putUnlessHeld<IdempotencyRecord>(
      {
        ...key,
        state: 'running',
        requestHash,
        owner,
        inProgressExpiresAt: nowMs + requestTimeLimitMs(c, config.requestTimeLimitMs),
        expiresAt,
      },
      {
        expression:
          'attribute_not_exists(pk) OR expiresAt <= :nowSeconds OR (#state = :running AND inProgressExpiresAt <= :nowMs)',
        names: { '#state': 'state' },
        values: { ':nowSeconds': Math.floor(nowMs / 1000), ':nowMs': nowMs, ':running': 'running' },
      },
    );
    if (held) {
      if (held.requestHash !== requestHash) throw new ConflictError('idempotency_conflict');
      if (held.state !== 'done') throw new ConflictError('idempotency_in_progress');
      c.header('Idempotent-Replayed', 'true');
      return c.body(held.body ?? '', (held.status ?? 200) as 200, {
        'Content-Type': held.contentType ?? 'application/json',
      });
    }

    const ours = { expression: '#owner = :owner', names: { '#owner': 'owner' }, values: { ':owner': owner } };
    /** Frees the key unless someone took it over after our time ran out. */
    const release = async () => {
      await table.delete(key, ours).catch((error: unknown) => {
        if (!(error instanceof ConditionFailed)) throw error;
      });
    };
    try {
      await next();
    } catch (error) {
      await release();
      throw error;
    }
    if (c.error || c.res.status >= 400) {
      await release();
      return;
    }
    const body = await c.res.clone().text();
    await table
      .put(
        {
          ...key,
          state: 'done',
          requestHash,
          owner,
          status: c.res.status,
          body,
          contentType: c.res.headers.get('content-type') ?? 'application/json',
          expiresAt,
        },
        ours,
      )
      .catch((error: unknown) => {
        // Our time ran out and a retry took the key over: its record stands, our response still goes out.
        if (!(error instanceof ConditionFailed)) throw error;
      });
  };
}
