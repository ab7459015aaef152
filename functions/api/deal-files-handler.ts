import { S3FileStore } from '../deals/file-store-s3.ts';
import { DEAL_FILE_MODULES } from './deal-file-modules.ts';
import { lambdaApp } from './lambda-app.ts';

/** The deal-files Lambda: the scans of signed papers, read and written in S3 (the only S3 client). */
export const { app, handler } = lambdaApp(DEAL_FILE_MODULES, {
  s3Files: (bucket) => new S3FileStore(bucket),
});
