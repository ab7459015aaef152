import { createSignal } from 'solid-js';
import type { User } from '../../functions/contract/user.ts';
import type { Localized, TranslationKey } from './i18n/index.ts';

/**
 * The signed-in session: the bearer token, when it expires, and who it is for. Kept in
 * sessionStorage (this tab only, gone when it closes) and sent as `Authorization: Bearer`; no
 * cookies, so there is nothing for a cross-site request to ride on.
 */
export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

/** Why the user was sent to the sign-in page, shown there once. */
export type SignOutNotice = { key: TranslationKey } | { messages: Localized };

const STORAGE_KEY = 'gongxu.session';
const MAX_TIMER_MS = 2 ** 31 - 1;

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Session>;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.user === 'object' &&
    v.user !== null &&
    typeof v.user.orgId === 'string'
  );
}

const isLive = (s: Session): boolean => Date.parse(s.expiresAt) > Date.now();

function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (isSession(parsed) && isLive(parsed)) return parsed;
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // unreadable or unavailable storage: start signed out
  }
  return null;
}

const [session, setSession] = createSignal<Session | null>(loadSession());
const [notice, setNotice] = createSignal<SignOutNotice | null>(null);

/** The current session, or null when signed out (reactive). */
export { session };

/** Why the last session ended, if it was not the user's own doing (reactive). */
export const signOutNotice = notice;
export const clearSignOutNotice = (): void => {
  setNotice(null);
};

let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function scheduleExpiry(s: Session | null): void {
  clearTimeout(expiryTimer);
  if (!s) return;
  const ms = Date.parse(s.expiresAt) - Date.now();
  if (ms > MAX_TIMER_MS) return;
  expiryTimer = setTimeout(() => endSession({ key: 'errors.sessionExpired' }), Math.max(0, ms));
}

export function startSession(next: Session): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // storage unavailable: the session lasts until the page is reloaded
  }
  setNotice(null);
  setSession(next);
  scheduleExpiry(next);
}

/** Ends the session; `reason` is shown on the sign-in page (none when the user signed out). */
export function endSession(reason: SignOutNotice | null = null): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing stored
  }
  scheduleExpiry(null);
  setNotice(reason);
  setSession(null);
}

/** The token to send, or undefined; an expired session ends here rather than at the server. */
export function currentToken(): string | undefined {
  const s = session();
  if (!s) return undefined;
  if (!isLive(s)) {
    endSession({ key: 'errors.sessionExpired' });
    return undefined;
  }
  return s.token;
}

scheduleExpiry(session());
