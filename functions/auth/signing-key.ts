import { randomUUID } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';

/**
 * The local identity provider's ES256 key pair. (In AWS, Cognito holds the keys and this is unused.)
 *
 * It is never stored in the database, so whoever can read the table cannot mint tokens. With a key
 * file (`npm start`: `.data/dynamodb/signing-key.json`, or GONGXU_KEY_FILE) it is created once,
 * readable by its owner only (0600), and reused across restarts; without one (tests, in-memory
 * stacks) each process makes its own.
 */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwks: JSONWebKeySet;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function load(stored: StoredKey): Promise<SigningKey> {
  const privateKey = (await importJWK(stored.privateJwk, 'ES256')) as CryptoKey;
  return {
    kid: stored.kid,
    privateKey,
    publicJwks: { keys: [{ ...stored.publicJwk, kid: stored.kid, alg: 'ES256', use: 'sig' }] },
  };
}

async function generate(): Promise<StoredKey> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return {
    kid: `local-${Date.now().toString(36)}`,
    privateJwk: await exportJWK(pair.privateKey),
    publicJwk: await exportJWK(pair.publicKey),
  };
}

/** A key for this process only. */
export async function createEphemeralSigningKey(): Promise<SigningKey> {
  return await load(await generate());
}

function readKeyFile(path: string): StoredKey {
  // Whatever made it looser than owner-only (a copy, an editor), it is tightened before use.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return JSON.parse(readFileSync(path, 'utf8')) as StoredKey;
}

/**
 * The key in `path`, created there if missing: written whole to a private temporary file, then
 * linked into place, which fails if another starter got there first (then theirs is used).
 */
export async function loadOrCreateSigningKeyFile(path: string): Promise<SigningKey> {
  try {
    return await load(readKeyFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const stored = await generate();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return await load(readKeyFile(path));
  } finally {
    unlinkSync(temporary);
  }
  return await load(stored);
}
