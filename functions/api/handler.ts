import { handle } from 'hono/aws-lambda';
import { cognitoIdentity } from '../auth/identity-cognito.ts';
import { S3FileStore } from '../deals/file-store-s3.ts';
import { systemClock } from '../shared/clock.ts';
import { readConfig } from '../shared/config.ts';
import { createApp } from './app.ts';
import { buildDeps, type Deps } from './deps.ts';

/** Read and checked at init: a missing or malformed setting fails the cold start, naming it. */
const config = readConfig();

let deps: Deps | undefined;
export const app = createApp(() => {
  // The API is the one function that administers Cognito users and reads and writes deal files.
  deps ??= buildDeps(config, systemClock, {
    cognitoIdentity,
    s3Files: (bucket) => new S3FileStore(bucket),
  });
  return deps;
});

export const handler = handle(app);
