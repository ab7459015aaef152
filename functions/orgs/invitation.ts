import { createHash, randomBytes } from 'node:crypto';

/**
 * Invitations for organisations an organizer's import created before they registered: the
 * organizer issues a code and hands it to the firm (by phone, letter, SMS); registering with the
 * firm's credit code and that code claims the organisation and its listings. Only a hash is kept.
 */
/** How long an issued invitation code can be used. */
export const INVITE_TTL_DAYS = 30;

/** When a code issued at `now` stops working. */
export function inviteExpiry(now: Date): string {
  return new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000).toISOString();
}

/** The register page's link for a code (the page fills the code field from `?invite=`). */
export function invitePath(code: string): string {
  return `/register?invite=${encodeURIComponent(code)}`;
}

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
