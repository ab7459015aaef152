const TRANSIENT_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalServiceErrorException',
  'ServiceUnavailable',
  'TooManyRequestsException',
  'TimeoutError',
  'AbortError',
]);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * Whether a failure is the infrastructure's (throttling, a 5xx, the network), so that the work
 * should be retried later, rather than the work's own (bad data, a bug, a refused address), so that
 * it must be set aside instead of blocking everything behind it.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & {
    $retryable?: unknown;
    $fault?: string;
    $metadata?: { httpStatusCode?: number };
    code?: string;
    cause?: unknown;
  };
  if (e.$retryable || e.$fault === 'server' || TRANSIENT_NAMES.has(e.name)) return true;
  if ((e.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (e.code && NETWORK_CODES.has(e.code)) return true;
  return e.cause !== undefined && e.cause !== error && isTransient(e.cause);
}
