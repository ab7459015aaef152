import type { MessageKey, MessageParams } from './messages.ts';

/** A problem with one field of a request, reported with a stable message key. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `quantity` or `place.adcode`; `''` for the whole body. */
  readonly field: string;
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/**
 * The one error family of the API. Domain and repository code throw these; the API's single
 * `onError` maps them to HTTP status and the stable error body.
 */
export abstract class AppError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;
  abstract readonly code: string;
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    /** What caused it (the database's exception, …), for the logs; never shown to the caller. */
    options?: ErrorOptions,
  ) {
    super(key, options);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
  constructor(
    readonly fields: readonly FieldIssue[],
    key: MessageKey = 'validation_failed',
  ) {
    super(key);
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly code: string;
  constructor(key: MessageKey, params?: MessageParams) {
    super(key, params);
    this.code = key;
  }
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
  constructor(key: MessageKey = 'unsupported_media_type') {
    super(key);
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly code = 'payload_too_large';
  constructor(limit: string) {
    super('payload_too_large', { limit });
  }
}

export class AuthenticationError extends AppError {
  readonly status = 401;
  readonly code: string;
  constructor(key: 'unauthenticated' | 'token_invalid' | 'sign_in_failed' = 'unauthenticated') {
    super(key);
    this.code = key;
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor() {
    super('forbidden');
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code: string = 'not_found';
  constructor(key: MessageKey = 'not_found', params?: MessageParams) {
    super(key, params);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(
    key: MessageKey = 'conflict',
    params?: MessageParams,
    readonly fields?: readonly FieldIssue[],
    options?: ErrorOptions,
  ) {
    super(key, params, options);
    this.code = key === 'conflict' ? 'conflict' : key;
  }
}

/**
 * A conditional write or a transaction whose condition failed (someone else wrote first, an item
 * that must not exist does): raised by the table layer with the database's exception as its cause.
 * Code that can say more catches it (a lost race to confirm a match names the side short of
 * quantity); anywhere else it reaches the one `onError` as the 409 `conflict` it is.
 */
export class ConditionFailed extends ConflictError {
  constructor(
    /** For transactions: which items' conditions failed (by position). */
    readonly failedIndexes: readonly number[] = [],
    options?: ErrorOptions,
  ) {
    super('conflict', undefined, undefined, options);
  }
}

/**
 * More items than a computation may read (e.g. registrations of one event): refused naming the
 * limit instead of computing over part of them.
 */
export class TooManyError extends AppError {
  readonly status = 422;
  readonly code = 'too_many';
  constructor(limit: number) {
    super('too_many', { limit });
  }
}

export class RateLimitError extends AppError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited');
  }
}
