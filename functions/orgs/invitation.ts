import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitations for organisations an organizer's import created before they registered: the
 * organizer issues a code and hands it to the firm (by phone, letter, SMS); registering with the
 * firm's credit code and that code claims the organisation and its listings. Only a hash is kept.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInviteCode(): string {
  const bytes = randomBytes(10);
  let code = '';
  for (let i = 0; i < 10; i++) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function inviteHash(code: string): string {
  return createHash('sha256')
    .update(
      code
        .trim()
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, ''),
    )
    .digest('base64url');
}
