import type { Session } from '../contract/user.ts';
import type { StoredUser } from './user.ts';

export type { Session };

/**
 * Where passwords live and who signs tokens: locally Gongxu itself (scrypt + ES256), in AWS the
 * Cognito user pool. Verification is the same for both (token-verifier.ts).
 */
export interface IdentityProvider {
  readonly kind: 'local' | 'cognito';
  /** Prepares a user for creation; locally this hashes the password into the stored user. */
  prepareUser(user: StoredUser, password: string): Promise<StoredUser>;
  /** After the user is stored: in Cognito, creates the pool user with the same id and claims. */
  afterUserCreated(user: StoredUser, password: string): Promise<void>;
  /** Checks the password and returns a session, or throws AuthenticationError('sign_in_failed'). */
  signIn(user: StoredUser | undefined, email: string, password: string): Promise<Session>;
  /** Propagates role changes into the identity store (Cognito groups); local tokens carry them anyway. */
  afterRolesChanged(user: StoredUser): Promise<void>;
  /** Sets a new password (platform admin's reset): locally the new hash to store, in Cognito set there. */
  setPassword(user: StoredUser, password: string): Promise<StoredUser>;
}
