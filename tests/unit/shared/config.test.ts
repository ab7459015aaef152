import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../functions/shared/config.ts';

/** What the stack gives a function (infra/api.ts), give or take the values. */
const LAMBDA_ENV = {
  AWS_REGION: 'ap-east-1',
  STAGE: 'dev',
  TABLE_NAME: 'Gongxu-dev',
  AUTH_MODE: 'cognito',
  COGNITO_USER_POOL_ID: 'ap-east-1_abc123',
  COGNITO_CLIENT_ID: 'client123',
  WEB_ORIGINS: '',
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration read at start', () => {
  it('reads what the stack sets', () => {
    const config = readConfig(LAMBDA_ENV);
    expect(config).toMatchObject({
      tableName: 'Gongxu-dev',
      authMode: 'cognito',
      tokenIssuer: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_abc123',
      tokenAudience: 'client123',
      jwksUrl: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_abc123/.well-known/jwks.json',
      webOrigins: [],
      requestTimeLimitMs: 29_000,
    });
  });

  it('refuses a missing table name instead of defaulting to one', () => {
    const { TABLE_NAME: _, ...env } = LAMBDA_ENV;
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(problemsOf(env)).toEqual(['TABLE_NAME is missing (the DynamoDB table to use)']);
    expect(problemsOf({ ...env, TABLE_NAME: '  ' })).toEqual([
      'TABLE_NAME is missing (the DynamoDB table to use)',
    ]);
    expect(problemsOf({ ...env, TABLE_NAME: 'a table' })[0]).toMatch(/^TABLE_NAME "a table" is not/);
  });

  it('refuses a missing or unknown sign-in mode instead of falling back to local sign-in', () => {
    const { AUTH_MODE: _, ...env } = LAMBDA_ENV;
    expect(problemsOf(env)).toEqual(['AUTH_MODE is missing (local or cognito)']);
    expect(problemsOf({ ...env, AUTH_MODE: 'Cognito ' })).toEqual([
      'AUTH_MODE "Cognito" is neither local nor cognito',
    ]);
  });

  it('names every Cognito setting that is missing, all at once', () => {
    const { COGNITO_USER_POOL_ID: _a, COGNITO_CLIENT_ID: _b, AWS_REGION: _c, ...env } = LAMBDA_ENV;
    expect(problemsOf(env)).toEqual([
      'AWS_REGION is missing (AUTH_MODE=cognito runs in AWS)',
      'COGNITO_USER_POOL_ID is missing (AUTH_MODE=cognito)',
      'COGNITO_CLIENT_ID is missing (AUTH_MODE=cognito)',
    ]);
  });

  it('refuses malformed numbers, endpoints and origins, naming the variable', () => {
    const problems = problemsOf({
      ...LAMBDA_ENV,
      TOKEN_TTL_SECONDS: '1h',
      REQUEST_TIME_LIMIT_MS: '0',
      DYNAMODB_ENDPOINT: 'localhost:8000',
      WEB_ORIGINS: 'https://gongxu.example.cn, https://gongxu.example.cn/app',
    });
    expect(problems).toEqual([
      'DYNAMODB_ENDPOINT "localhost:8000" is not an http(s) URL',
      'WEB_ORIGINS: "https://gongxu.example.cn/app" is not an origin (scheme://host[:port])',
      'TOKEN_TTL_SECONDS "1h" is not a whole number from 1 to 86400',
      'REQUEST_TIME_LIMIT_MS "0" is not a whole number from 1 to 900000',
    ]);
  });

  it('runs locally with a table name and the local sign-in, nothing else', () => {
    const config = readConfig({ TABLE_NAME: 'Gongxu-local', AUTH_MODE: 'local' });
    expect(config).toMatchObject({ region: 'local', tokenIssuer: 'gongxu-local', tokenAudience: 'gongxu' });
  });
});
