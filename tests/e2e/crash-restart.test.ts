import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../functions/imports/workbook.ts';
import { freePort } from '../../functions/local/dynamodb-local.ts';
import { keys } from '../../functions/shared/db/keys.ts';

/**
 * The local stack is killed with SIGKILL (it and its DynamoDB Local, the whole process group) in
 * the middle of a burst of writes and of an import, then started again on the same data: every
 * write the API acknowledged is there, nothing is half applied, and the import can be resumed.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'gongxu-crash-'));

/** What the stack printed (its DynamoDB Local endpoint among it), for a failure's diagnosis. */
let stackOutput = '';

async function startStack(port: number): Promise<ChildProcess> {
  stackOutput = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/start.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      GONGXU_DATA_DIR: dataDir,
      GONGXU_SKIP_WEB_BUILD: '1',
      GONGXU_DEMO: '1',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stackOutput += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stackOutput += chunk.toString();
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('stack did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'steel@demo.gongxu.cn', password: 'Gongxu2020!demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

const supply = (i: number) => ({
  kind: 'supply',
  specId: 'rebar-hrb400e-25',
  quantity: 100 + i,
  adcode: '350403',
  deliveryRadiusKm: 300,
  availableFrom: '2026-01-01',
  availableUntil: '2030-12-31',
  contact: { name: '林工', phone: '13905981234' },
});

async function itemsInTable(endpoint: string, ids: string[]): Promise<string> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const found: string[] = [];
  for (const id of ids) {
    const key = keys.listing(id);
    const got = await client.send(
      new GetItemCommand({ TableName: 'Gongxu-local', Key: { pk: { S: key.pk }, sk: { S: key.sk } } }),
    );
    found.push(`${id}=${got.Item ? 'present' : 'absent'}`);
  }
  client.destroy();
  return found.join(', ');
}

describe('crash and restart', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child) killGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write and lets an interrupted import finish', async () => {
    // Arrange: a running stack with demo data on disk.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = await startStack(port);
    const token = await signIn(base);
    const auth = { authorization: `Bearer ${token}` };
    const header = [
      '产品规格',
      '可供数量',
      '单位',
      '出厂地点',
      '配送半径（公里）',
      '供货开始日期',
      '供货截止日期',
      '联系人',
      '联系电话',
    ];
    const rows = [
      header,
      ...Array.from({ length: 1500 }, (_, i) => [
        'HRB400E Φ25',
        10 + i,
        '吨',
        '三明市三元区',
        300,
        '2026-01-01',
        '2030-12-31',
        '林工',
        '13905981234',
      ]),
    ];
    const uploaded = await fetch(`${base}/api/imports?kind=supply&format=xlsx`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: (await writeSheet(rows, 'xlsx')) as BodyInit,
    });
    const job = (await uploaded.json()) as { id: string; goodRows: number };

    // Act: a burst of posts and an import commit in flight, then SIGKILL to the whole process group.
    const acknowledged: string[] = [];
    const posts = Array.from({ length: 60 }, (_, i) =>
      fetch(`${base}/api/listings`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(supply(i)),
      })
        .then(async (res) => {
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        })
        .catch(() => undefined),
    );
    const commit = fetch(`${base}/api/imports/${job.id}/commit`, { method: 'POST', headers: auth }).catch(
      () => undefined,
    );
    await new Promise((r) => setTimeout(r, 400));
    killGroup(child);
    await Promise.allSettled([...posts, commit]);
    await new Promise((r) => setTimeout(r, 500));

    // Restart on the same data.
    child = await startStack(port);
    const token2 = await signIn(base);
    const auth2 = { authorization: `Bearer ${token2}` };

    // Assert: every acknowledged listing is there, whole.
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await fetch(`${base}/api/listings/${id}`, { headers: auth2 });
      if (res.status !== 200) {
        missing.push(`${id}: HTTP ${res.status} ${await res.text()}`);
        continue;
      }
      const listing = (await res.json()) as { remaining: number; quantity: number; status: string };
      expect(listing.remaining).toBe(listing.quantity);
      expect(listing.status).toBe('open');
    }
    if (missing.length > 0) {
      // Whether the item is in the table at all tells an API fault from a lost write.
      const endpoint = /DynamoDB Local at (\S+)/.exec(stackOutput)?.[1];
      const inTable = endpoint
        ? await itemsInTable(
            endpoint,
            missing.map((m) => m.split(':')[0]!),
          )
        : 'no endpoint';
      expect.fail(
        `${missing.length} of ${acknowledged.length} acknowledged listings not readable after restart:\n` +
          `${missing.join('\n')}\nin the table: ${inTable}\nstack output:\n${stackOutput.slice(-4000)}`,
      );
    }
    // The import resumes to exactly its good rows.
    let state = { status: '', committedRows: 0 };
    for (let i = 0; i < 30 && state.status !== 'committed'; i++) {
      const res = await fetch(`${base}/api/imports/${job.id}/commit`, { method: 'POST', headers: auth2 });
      state = (await res.json()) as typeof state;
    }
    expect(state).toMatchObject({ status: 'committed', committedRows: job.goodRows });
    let count = 0;
    let cursor: string | undefined;
    do {
      const res = await fetch(
        `${base}/api/listings/mine?kind=supply&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { headers: auth2 },
      );
      const page = (await res.json()) as { items: { importId?: string }[]; nextCursor?: string };
      count += page.items.filter((l) => l.importId === job.id).length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(count).toBe(job.goodRows);
  }, 240_000);
});
