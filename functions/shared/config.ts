/**
 * Runtime configuration, read once from the environment. The same code runs in Lambda (values set
 * by the CDK stack) and locally (values set by `npm start` / the test harness).
 */
export type AuthMode = 'local' | 'cognito';

export interface Config {
  readonly stage: string;
  readonly tableName: string;
  /** DynamoDB endpoint override (DynamoDB Local); undefined in AWS. */
  readonly dynamoEndpoint: string | undefined;
  readonly region: string;
  readonly authMode: AuthMode;
  /** Issuer and audience every token is checked against. */
  readonly tokenIssuer: string;
  readonly tokenAudience: string;
  /** Where the verifier fetches signing keys (Cognito's JWKS); undefined locally (in-process keys). */
  readonly jwksUrl: string | undefined;
  readonly cognitoUserPoolId: string | undefined;
  readonly cognitoClientId: string | undefined;
  /** Origins allowed by CORS, comma-separated in WEB_ORIGINS. Empty: same-origin only. */
  readonly webOrigins: readonly string[];
  /**
   * File holding the local identity provider's signing key (GONGXU_KEY_FILE); undefined: a key per
   * process. Never in the table.
   */
  readonly localKeyFile: string | undefined;
  /** Seconds a locally issued token lives. */
  readonly tokenTtlSeconds: number;
  /** The S3 bucket for the files of signed deals (DEAL_FILES_BUCKET, set by the stack); undefined locally. */
  readonly dealFilesBucket: string | undefined;
  /** Where those files go on disk when there is no bucket (GONGXU_FILES_DIR, default `.data/files`). */
  readonly filesDir: string;
  /**
   * How long a request may run (REQUEST_TIME_LIMIT_MS; the stack sets each function's timeout): an
   * idempotency key in progress for longer is free again. In Lambda the function's remaining time is
   * used when there is one.
   */
  readonly requestTimeLimitMs: number;
  /**
   * The site's address (PUBLIC_URL, e.g. `https://gongxu.example.cn`), for the links in e-mails and
   * SMS; "" when unknown (the links are then paths). The stack sets it to the CloudFront address.
   */
  readonly publicUrl: string;
  /** The From address of notification e-mails (NOTIFY_FROM_EMAIL); undefined: e-mail not configured. */
  readonly notifyFromEmail: string | undefined;
  /** The SMS origination identity (NOTIFY_SMS_ORIGINATION: phone number, pool or sender id, or its ARN). */
  readonly notifySmsOrigination: string | undefined;
  /** The End User Messaging SMS configuration set (NOTIFY_SMS_CONFIGURATION_SET), optional. */
  readonly notifySmsConfigurationSet: string | undefined;
}

/** A configuration the process must not start with; every problem is named, with its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

const TABLE_NAME_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * Reads and checks the configuration once, at start: a missing or malformed value is an error
 * naming the variable (the Lambda fails its init, `npm start` stops), never a silent default that
 * would point a function at the wrong table or the wrong sign-in.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const tableName = env.TABLE_NAME?.trim() ?? '';
  if (tableName === '') problems.push('TABLE_NAME is missing (the DynamoDB table to use)');
  else if (!TABLE_NAME_PATTERN.test(tableName)) {
    problems.push(`TABLE_NAME "${tableName}" is not a DynamoDB table name (3–255 of A–Z a–z 0–9 _ . -)`);
  }

  const authModeText = env.AUTH_MODE?.trim() ?? '';
  if (authModeText !== 'local' && authModeText !== 'cognito') {
    problems.push(
      authModeText === ''
        ? 'AUTH_MODE is missing (local or cognito)'
        : `AUTH_MODE "${authModeText}" is neither local nor cognito`,
    );
  }
  const authMode: AuthMode = authModeText === 'cognito' ? 'cognito' : 'local';

  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION || (authMode === 'local' ? 'local' : '');
  if (region === '') problems.push('AWS_REGION is missing (AUTH_MODE=cognito runs in AWS)');

  const userPoolId = env.COGNITO_USER_POOL_ID || undefined;
  const clientId = env.COGNITO_CLIENT_ID || undefined;
  if (authMode === 'cognito') {
    if (!userPoolId) problems.push('COGNITO_USER_POOL_ID is missing (AUTH_MODE=cognito)');
    if (!clientId) problems.push('COGNITO_CLIENT_ID is missing (AUTH_MODE=cognito)');
  }
  const cognitoIssuer =
    authMode === 'cognito' && userPoolId
      ? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`
      : undefined;

  const dynamoEndpoint = env.DYNAMODB_ENDPOINT || undefined;
  if (dynamoEndpoint !== undefined && !isHttpUrl(dynamoEndpoint)) {
    problems.push(`DYNAMODB_ENDPOINT "${dynamoEndpoint}" is not an http(s) URL`);
  }

  const webOrigins = (env.WEB_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of webOrigins) {
    if (!isOrigin(origin)) problems.push(`WEB_ORIGINS: "${origin}" is not an origin (scheme://host[:port])`);
  }

  const tokenTtlSeconds = positiveInteger(env, 'TOKEN_TTL_SECONDS', 3600, 86_400, problems);
  const requestTimeLimitMs = positiveInteger(env, 'REQUEST_TIME_LIMIT_MS', 29_000, 15 * 60_000, problems);

  const publicUrl = (env.PUBLIC_URL ?? '').trim().replace(/\/$/, '');
  if (publicUrl !== '' && !isHttpUrl(publicUrl))
    problems.push(`PUBLIC_URL "${publicUrl}" is not an http(s) URL`);
  const notifyFromEmail = env.NOTIFY_FROM_EMAIL?.trim() || undefined;
  if (notifyFromEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(notifyFromEmail)) {
    problems.push(`NOTIFY_FROM_EMAIL "${notifyFromEmail}" is not an e-mail address`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    stage: env.STAGE || 'local',
    tableName,
    dynamoEndpoint,
    region,
    authMode,
    tokenIssuer: cognitoIssuer ?? (env.TOKEN_ISSUER || 'gongxu-local'),
    tokenAudience: authMode === 'cognito' ? clientId! : env.TOKEN_AUDIENCE || 'gongxu',
    jwksUrl: cognitoIssuer ? `${cognitoIssuer}/.well-known/jwks.json` : undefined,
    cognitoUserPoolId: userPoolId,
    cognitoClientId: clientId,
    webOrigins,
    localKeyFile: env.GONGXU_KEY_FILE || undefined,
    tokenTtlSeconds,
    dealFilesBucket: env.DEAL_FILES_BUCKET || undefined,
    filesDir: env.GONGXU_FILES_DIR || '.data/files',
    requestTimeLimitMs,
    publicUrl,
    notifyFromEmail,
    notifySmsOrigination: env.NOTIFY_SMS_ORIGINATION?.trim() || undefined,
    notifySmsConfigurationSet: env.NOTIFY_SMS_CONFIGURATION_SET?.trim() || undefined,
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isOrigin(text: string): boolean {
  if (!isHttpUrl(text)) return false;
  const url = new URL(text);
  return url.origin === text.replace(/\/$/, '');
}

/** An optional whole number in 1..max (its default when unset); anything else is a problem. */
function positiveInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  max: number,
  problems: string[],
): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    problems.push(`${name} "${text}" is not a whole number from 1 to ${max}`);
    return fallback;
  }
  return value;
}
