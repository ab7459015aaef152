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
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'ap-east-1';
  const authMode: AuthMode = env.AUTH_MODE === 'cognito' ? 'cognito' : 'local';
  const userPoolId = env.COGNITO_USER_POOL_ID || undefined;
  const cognitoIssuer = userPoolId ? `https://cognito-idp.${region}.amazonaws.com/${userPoolId}` : undefined;
  return {
    stage: env.STAGE ?? 'local',
    tableName: env.TABLE_NAME ?? 'Gongxu-local',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region,
    authMode,
    tokenIssuer:
      authMode === 'cognito' && cognitoIssuer ? cognitoIssuer : (env.TOKEN_ISSUER ?? 'gongxu-local'),
    tokenAudience: authMode === 'cognito' ? (env.COGNITO_CLIENT_ID ?? '') : (env.TOKEN_AUDIENCE ?? 'gongxu'),
    jwksUrl: authMode === 'cognito' && cognitoIssuer ? `${cognitoIssuer}/.well-known/jwks.json` : undefined,
    cognitoUserPoolId: userPoolId,
    cognitoClientId: env.COGNITO_CLIENT_ID || undefined,
    webOrigins: (env.WEB_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    localKeyFile: env.GONGXU_KEY_FILE || undefined,
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 3600),
    dealFilesBucket: env.DEAL_FILES_BUCKET || undefined,
    filesDir: env.GONGXU_FILES_DIR || '.data/files',
    requestTimeLimitMs: Number(env.REQUEST_TIME_LIMIT_MS ?? 29_000),
  };
}
