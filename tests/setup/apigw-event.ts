import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** A real API Gateway HTTP API (payload 2.0) event, as AWS delivers it to the Lambda. */
export function httpApiEvent(options: {
  method: string;
  path: string;
  stage?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  base64?: boolean;
  sourceIp?: string;
}): APIGatewayProxyEventV2 {
  const stage = options.stage ?? '$default';
  const rawPath = stage === '$default' ? options.path : `/${stage}${options.path}`;
  const rawQueryString = new URLSearchParams(options.query ?? {}).toString();
  const text = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    accept: 'application/json',
    host: 'abc123.execute-api.cn-north-1.amazonaws.com.cn',
    'user-agent': 'vitest',
    'x-forwarded-for': options.sourceIp ?? '203.0.113.7',
    'x-forwarded-port': '443',
    'x-forwarded-proto': 'https',
    ...(text !== undefined ? { 'content-type': 'application/json' } : {}),
    ...options.headers,
  };
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    headers,
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.cn-north-1.amazonaws.com.cn',
      domainPrefix: 'abc123',
      http: {
        method: options.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: options.sourceIp ?? '203.0.113.7',
        userAgent: 'vitest',
      },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: '$default',
      stage,
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(text !== undefined
      ? {
          body: options.base64 ? Buffer.from(text).toString('base64') : text,
          isBase64Encoded: Boolean(options.base64),
        }
      : { isBase64Encoded: false }),
  };
}

export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'gongxu-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:cn-north-1:123456789012:function:gongxu-api',
  memoryLimitInMB: '1024',
  awsRequestId: 'test-request',
  logGroupName: '/aws/lambda/gongxu-api',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 29_000,
  done: () => {},
  fail: () => {},
  succeed: () => {},
} as unknown as Context;
