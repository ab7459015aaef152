import type { Org } from '../../../functions/contract/org.ts';
import type { Session as TokenSession, User } from '../../../functions/contract/user.ts';
import { type Session, startSession } from '../session.ts';
import { api } from './client.ts';

export type { Org, User };

export interface Me {
  user: User;
  org: Org;
  /** The region an organizer oversees (an adcode prefix; '' for admins), from the API. */
  oversees?: string;
}

/** POST /api/auth/sign-in; on success the session starts. */
export async function signIn(email: string, password: string): Promise<Session> {
  const result = await api.post<TokenSession & { user: User }>(
    '/auth/sign-in',
    { email, password },
    { anonymous: true },
  );
  const session: Session = { token: result.token, expiresAt: result.expiresAt, user: result.user };
  startSession(session);
  return session;
}

/** GET /api/me: the signed-in user and their organisation. */
export const fetchMe = (): Promise<Me> => api.get<Me>('/me');
