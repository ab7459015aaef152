import { query } from '@solidjs/router';
import { type Accessor, createContext, useContext } from 'solid-js';
import { fetchMe, type Me } from '../api/auth.ts';
import { session } from '../session.ts';

/** GET /api/me, cached per user (a new sign-in never sees the previous user's data). */
export const getMe = query((_userId: string) => fetchMe(), 'me');

/** Route preload: start fetching /api/me while the shell's code loads. */
export function preloadMe(): void {
  const current = session();
  if (current) void getMe(current.user.id).catch(() => {});
}

/** The signed-in user and organisation, provided by the app shell to every page inside it. */
export const MeContext = createContext<Accessor<Me | undefined>>();

export function useMe(): Accessor<Me | undefined> {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() is only available inside the app shell');
  return me;
}
