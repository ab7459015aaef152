import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32

/**
 * A new id: a ULID (48-bit time + 80 random bits, Crockford base32), so ids sort by creation time,
 * which keeps "newest first" listings a plain key order.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[bytes[i]! % 32];
  return time + random;
}

export const ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * A ULID-shaped id derived from another id and a salt: the same inputs always give the same id, so
 * a retried or resumed write (an import chunk after a crash) lands on the same item, not a copy.
 */
export function derivedId(baseId: string, salt: string): string {
  const digest = createHash('sha256').update(`${baseId}|${salt}`).digest();
  let random = '';
  for (let i = 0; i < 16; i++) random += ALPHABET[digest[i]! % 32];
  return baseId.slice(0, 10) + random;
}
