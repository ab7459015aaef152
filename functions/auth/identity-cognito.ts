import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationError } from '../shared/errors.ts';
import type { IdentityProvider } from './identity.ts';
import { PLATFORM_ROLES } from './principal.ts';

/**
 * Cognito as the identity store (AWS deployments). The pool user carries Gongxu's user id in
 * `preferred_username`, its organisation in `custom:org_id`/`custom:org_role` and its platform
 * roles as groups, so a Cognito ID token has exactly the claims a local token has.
 */
export interface CognitoIdentityOptions {
  readonly region: string;
  readonly userPoolId: string;
  readonly clientId: string;
}

export function cognitoIdentity(options: CognitoIdentityOptions): IdentityProvider {
  const client = new CognitoIdentityProviderClient({ region: options.region });
  return {
    kind: 'cognito',
    async prepareUser(user) {
      return user;
    },
    async afterUserCreated(user, password) {
      await client.send(
        new AdminCreateUserCommand({
          UserPoolId: options.userPoolId,
          Username: user.email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'preferred_username', Value: user.id },
            { Name: 'custom:org_id', Value: user.orgId },
            { Name: 'custom:org_role', Value: user.orgRole },
          ],
        }),
      );
      await client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: options.userPoolId,
          Username: user.email,
          Password: password,
          Permanent: true,
        }),
      );
      for (const group of user.platformRoles) {
        await client.send(
          new AdminAddUserToGroupCommand({
            UserPoolId: options.userPoolId,
            Username: user.email,
            GroupName: group,
          }),
        );
      }
    },
    async signIn(_user, email, password) {
      try {
        const out = await client.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: options.clientId,
            AuthParameters: { USERNAME: email, PASSWORD: password },
          }),
        );
        const token = out.AuthenticationResult?.IdToken;
        const seconds = out.AuthenticationResult?.ExpiresIn ?? 3600;
        if (!token) throw new AuthenticationError('sign_in_failed');
        return { token, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
      } catch (error) {
        if (error instanceof NotAuthorizedException || error instanceof UserNotFoundException) {
          throw new AuthenticationError('sign_in_failed');
        }
        throw error;
      }
    },
    async afterRolesChanged(user) {
      for (const group of PLATFORM_ROLES) {
        const Command = user.platformRoles.includes(group)
          ? AdminAddUserToGroupCommand
          : AdminRemoveUserFromGroupCommand;
        await client.send(
          new Command({ UserPoolId: options.userPoolId, Username: user.email, GroupName: group }),
        );
      }
    },
    async setPassword(user, password) {
      await client.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: options.userPoolId,
          Username: user.email,
          Password: password,
          Permanent: true,
        }),
      );
      return user;
    },
  };
}
