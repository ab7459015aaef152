import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../functions/local/stack.ts';
import { readConfig } from '../../functions/shared/config.ts';
import { dynamoClient } from '../../functions/shared/db/client.ts';

/**
 * `npm start` exposes nothing beyond loopback: DynamoDB Local (which accepts any credentials) and
 * the API refuse a connection made to the machine's own non-loopback address, and the signing key
 * is in a private file, not in anything a database reader gets.
 */

function nonLoopbackAddress(): string {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && !info.internal && info.family === 'IPv4');
  const address = addresses[0]?.address;
  if (!address) throw new Error('this machine has no non-loopback IPv4 interface to test from');
  return address;
}

/** 'connected' or the error code of the attempt. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('ETIMEDOUT');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? String(error)));
  });
}

describe('the local stack on the network', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongxu-exposure-'));
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ dataDir, streams: false, sweepExpiry: false, seedDemo: true });
  });
  afterAll(async () => {
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the database port refuses a connection to the non-loopback address and accepts loopback', async () => {
    // Arrange
    const port = Number(new URL(stack.dynamoEndpoint).port);
    const outside = nonLoopbackAddress();

    // Act
    const fromOutside = await tryConnect(outside, port);
    const fromLoopback = await tryConnect('127.0.0.1', port);

    // Assert
    expect(fromOutside).toBe('ECONNREFUSED');
    expect(fromLoopback).toBe('connected');
  });

  it('the API port refuses a connection to the non-loopback address', async () => {
    // Arrange
    const port = Number(new URL(stack.url).port);

    // Act
    const fromOutside = await tryConnect(nonLoopbackAddress(), port);

    // Assert
    expect(fromOutside).toBe('ECONNREFUSED');
  });

  it('keeps the signing key in an owner-only file and nowhere in the table', async () => {
    // Arrange: a sign-in makes sure the key exists.
    const signIn = await fetch(`${stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'steel@demo.gongxu.cn', password: 'Gongxu2020!demo' }),
    });
    expect(signIn.status).toBe(200);
    const keyFile = join(dataDir, 'signing-key.json');
    const privateD = (JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: { d: string } }).privateJwk
      .d;

    // Act: read everything a database client can read.
    const client = dynamoClient({
      ...readConfig({ AUTH_MODE: 'local', TABLE_NAME: 'Gongxu-local' }),
      dynamoEndpoint: stack.dynamoEndpoint,
      region: 'local',
    });
    const items: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({ TableName: stack.tableName, ExclusiveStartKey: start as never }),
      );
      for (const item of page.Items ?? []) items.push(JSON.stringify(item));
      start = page.LastEvaluatedKey;
    } while (start);

    // Assert
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(items.length).toBeGreaterThan(10);
    expect(items.filter((item) => item.includes(privateD) || item.includes('SIGNING_KEY'))).toEqual([]);
  });
});
