import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptionsFor } from '../../infra/lambda-bundling.ts';

/**
 * What a Lambda's code calls on AWS, read from the bundle the stack deploys: esbuild bundles the
 * entry exactly as NodejsFunction does (infra/lambda-bundling.ts) and reports the project files that
 * ended up in the output; every AWS SDK command those files import is an IAM action the function
 * may take. The IAM tests compare this with what the stack grants, so a grant nothing calls, or a
 * call nothing grants, fails the suite.
 */

/** The IAM prefix of each AWS SDK v3 client the code may import; a new client must be added here. */
const SERVICE_OF: Readonly<Record<string, string>> = {
  '@aws-sdk/client-dynamodb': 'dynamodb',
  '@aws-sdk/client-cognito-identity-provider': 'cognito-idp',
  '@aws-sdk/client-s3': 's3',
  '@aws-sdk/client-sqs': 'sqs',
  '@aws-sdk/client-sesv2': 'ses',
  '@aws-sdk/client-pinpoint-sms-voice-v2': 'sms-voice',
};

/** Commands that need no IAM permission: Cognito's user-password sign-in is an unauthenticated call. */
const UNSIGNED = new Set(['cognito-idp:InitiateAuth']);

/**
 * TransactWriteItems has no IAM action of its own: each item is authorised as its kind. The items
 * are made by the Table's builders (functions/shared/db/table.ts), so the kinds a function can
 * write are the builders its code calls.
 */
const TRANSACTION_ITEM_BUILDERS: Readonly<Record<string, string>> = {
  putItem: 'dynamodb:PutItem',
  updateItem: 'dynamodb:UpdateItem',
  deleteItem: 'dynamodb:DeleteItem',
  conditionCheck: 'dynamodb:ConditionCheckItem',
};

export interface AwsCalls {
  /** IAM actions, e.g. `dynamodb:GetItem`. */
  readonly actions: ReadonlySet<string>;
  /** Where each action comes from (project files), for the failure message. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  /** The project files in the bundle. */
  readonly files: readonly string[];
}

const SDK_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"](@aws-sdk\/client-[a-z0-9-]+)['"]/g;

/**
 * The commands an `import { … } from '@aws-sdk/client-…'` brings in (`import type { … }` does not
 * match the pattern; `type X` specifiers are dropped).
 */
export function sdkCommandsImported(source: string): { service: string; command: string }[] {
  const found: { service: string; command: string }[] = [];
  for (const match of source.matchAll(SDK_IMPORT)) {
    const pkg = match[2]!;
    const service = SERVICE_OF[pkg];
    if (!service) throw new Error(`${pkg}: add its IAM prefix to tests/infra/aws-calls.ts`);
    for (const raw of match[1]!.split(',')) {
      const name = raw.trim();
      if (name === '' || name.startsWith('type ')) continue;
      const local = name.split(/\s+as\s+/)[0]!.trim();
      if (local.endsWith('Command')) found.push({ service, command: local.slice(0, -'Command'.length) });
    }
  }
  return found;
}

export function awsActionsOfSources(files: readonly { path: string; source: string }[]): AwsCalls {
  const sources = new Map<string, string[]>();
  const add = (action: string, path: string) => {
    sources.set(action, [...(sources.get(action) ?? []), path]);
  };
  let transacts = false;
  for (const { path, source } of files) {
    for (const { service, command } of sdkCommandsImported(source)) {
      const action = `${service}:${command}`;
      if (UNSIGNED.has(action)) continue;
      if (action === 'dynamodb:TransactWriteItems') transacts = true;
      else add(action, path);
    }
  }
  if (transacts) {
    for (const { path, source } of files) {
      for (const [builder, action] of Object.entries(TRANSACTION_ITEM_BUILDERS)) {
        if (new RegExp(`\\.${builder}\\(`).test(source)) add(action, `${path} (in a transaction)`);
      }
    }
  }
  return { actions: new Set(sources.keys()), sources, files: files.map((f) => f.path) };
}

/** Bundles the entry as the stack does and returns what its code calls. */
export async function awsCallsOf(root: string, entry: string): Promise<AwsCalls> {
  const result = await build({
    ...esbuildOptionsFor(join(root, entry), join(root, '.iam-probe', 'index.js')),
    write: false,
    metafile: true,
    sourcemap: false,
    minify: false,
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined)!;
  const files = Object.entries(output.inputs)
    .filter(([path, input]) => input.bytesInOutput > 0 && !path.includes('node_modules'))
    .map(([path]) => path)
    .filter((path) => /\.(ts|tsx|js|mjs)$/.test(path));
  return awsActionsOfSources(files.map((path) => ({ path, source: readFileSync(join(root, path), 'utf8') })));
}
