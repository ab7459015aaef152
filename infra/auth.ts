import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Cognito groups carrying the platform roles (functions/auth/principal.ts PLATFORM_ROLES). */
export const PLATFORM_GROUPS = [
  { groupName: 'organizer', description: 'Event organizers: run matchmaking rounds and see all listings' },
  { groupName: 'admin', description: 'Platform administrators' },
] as const;

/** Custom attributes read from ID tokens as `custom:org_id` / `custom:org_role`. */
export const ORG_ATTRIBUTES = ['org_id', 'org_role'] as const;

export interface GongxuAuthProps {
  readonly stage: string;
  readonly isProduction: boolean;
}

/**
 * The Cognito user pool and the web app client. Users are never created by self sign-up: the API
 * creates them (AdminCreateUser + AdminSetUserPassword) and signs them in with USER_PASSWORD_AUTH,
 * so the ID token carries Gongxu's user id (`preferred_username`), organisation and groups.
 */
export class GongxuAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: GongxuAuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `gongxu-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        preferredUsername: { required: false, mutable: true },
      },
      customAttributes: Object.fromEntries(
        ORG_ATTRIBUTES.map((name) => [name, new StringAttribute({ mutable: true })]),
      ),
      // Same rule as functions/auth/password.ts isStrongPassword: >= 10 characters, a digit and a
      // letter. Cognito cannot say "any letter" (its lowercase/uppercase rules are ASCII-only), so
      // the letter rule is enforced by the API, the only path that sets passwords.
      passwordPolicy: {
        minLength: 10,
        requireDigits: true,
        requireLowercase: false,
        requireUppercase: false,
        requireSymbols: false,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: props.isProduction,
      removalPolicy: props.isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    PLATFORM_GROUPS.forEach((group, index) => {
      new UserPoolGroup(this, `Group-${group.groupName}`, {
        userPool: this.userPool,
        groupName: group.groupName,
        description: group.description,
        precedence: PLATFORM_GROUPS.length - index,
      });
    });

    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: `gongxu-web-${props.stage}`,
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, preferredUsername: true, locale: true })
        .withCustomAttributes(...ORG_ATTRIBUTES),
      // Users must not rewrite the attributes the API trusts (their id, organisation and role) with
      // their own access token, so the client may write nothing but the locale.
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG1',
        reason:
          'Password policy is >= 10 characters with a digit and a letter (NIST SP 800-63B favours length over ' +
          'composition rules); the letter rule is Unicode-aware and enforced by the API, which is the only ' +
          'path that sets passwords (self sign-up is disabled).',
      },
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is OPTIONAL (TOTP) by product decision: organisations onboard many occasional users at events; ' +
          'requiring MFA would block them. Sign-in attempts are throttled per account by the API.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials tier: sign-in is proxied by the API Lambda (server-side InitiateAuth without user ' +
          'context data), so Plus-tier adaptive authentication would only ever see Lambda IP addresses. ' +
          'The API throttles failed sign-ins per account. Revisit (FeaturePlan.PLUS + threat protection) ' +
          'if the web signs in against Cognito directly.',
      },
    );
  }
}
