import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, type Table } from '../shared/db/table.ts';

/**
 * The local identity provider's ES256 key pair, created once and kept in the table so tokens stay
 * valid across restarts of `npm start`. (In AWS, Cognito holds the keys and this is unused.)
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

export async function loadOrCreateSigningKey(table: Table): Promise<SigningKey> {
  const existing = await table.get<StoredKey>(keys.localSigningKey());
  if (existing) return await load(existing);
  const pair = await generateKeyPair('ES256', { extractable: true });
  const stored: StoredKey = {
    kid: `local-${Date.now().toString(36)}`,
    privateJwk: await exportJWK(pair.privateKey),
    publicJwk: await exportJWK(pair.publicKey),
  };
  try {
    await table.put({ ...keys.localSigningKey(), ...stored }, { expression: 'attribute_not_exists(pk)' });
    return await load(stored);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    // Another process created it first: use theirs.
    return await load((await table.get<StoredKey>(keys.localSigningKey()))!);
  }
}
