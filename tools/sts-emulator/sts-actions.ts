import { AwsError, notAuthorized, validationError } from './aws-error';
import type { ActionContext, ActionHandler } from './action-context';
import { callerArn, callerUserId } from './callers';
import { isoSeconds } from './identifiers';
import { consumeMfaCode } from './mfa';
import type { IssuedCredentials } from './session-tokens';
import { ParameterReader } from './validation';

const SERIAL_RULE = { min: 9, max: 256, pattern: '[\\w+=/:,.@-]*' };
const TOKEN_CODE_RULE = { min: 6, max: 6, pattern: '[\\d]*' };
const ROLE_CHAINING_LIMIT_S = 3600;

const credentialsXml = (credentials: IssuedCredentials, expiresAtMs: number) => ({
  Credentials: {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: isoSeconds(expiresAtMs),
  },
});

const getCallerIdentity: ActionHandler = ({ caller }) => ({
  Arn: callerArn(caller),
  UserId: callerUserId(caller),
  Account: caller.accountId,
});

const getSessionToken: ActionHandler = ({ params, caller, state, issuer, nowMs }) => {
  const read = new ParameterReader(params);
  const durationS = read.integer('DurationSeconds', 900, 129600) ?? 43200;
  const serial = read.string('SerialNumber', SERIAL_RULE);
  const code = read.string('TokenCode', TOKEN_CODE_RULE);
  read.done();
  if (caller.kind !== 'user') {
    throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403);
  }
  let mfaAtMs: number | undefined;
  if (serial !== undefined || code !== undefined) {
    consumeMfaCode(state, caller.user, serial ?? '', code ?? '', nowMs);
    mfaAtMs = nowMs;
  }
  const expiresAtMs = nowMs + durationS * 1000;
  const credentials = issuer.issue({
    kind: 'session',
    accountId: caller.accountId,
    userName: caller.user.name,
    mfaAtMs,
    expiresAtMs,
  });
  return credentialsXml(credentials, expiresAtMs);
};

const assumeRole: ActionHandler = ({ params, caller, state, issuer, nowMs }: ActionContext) => {
  const read = new ParameterReader(params);
  const roleArn = read.string('RoleArn', { required: true, min: 20, max: 2048 });
  const sessionName = read.string('RoleSessionName', { required: true, min: 2, max: 64, pattern: '[\\w+=,.@-]*' });
  const requestedS = read.integer('DurationSeconds', 900, 43200);
  const serial = read.string('SerialNumber', SERIAL_RULE);
  const code = read.string('TokenCode', TOKEN_CODE_RULE);
  const externalId = read.string('ExternalId', { min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*' });
  read.done();

  const role = state.roles.get(roleArn!);
  const denied = notAuthorized(callerArn(caller), 'sts:AssumeRole', roleArn!);
  if (!role || !role.trust.accounts.includes(caller.accountId)) throw denied;
  if (role.trust.externalId !== undefined && externalId !== role.trust.externalId) throw denied;

  // A GetSessionToken session (or a role assumed with MFA) carries its MFA into the call: aws:MultiFactorAuthPresent.
  let mfaAtMs = caller.kind === 'user' ? undefined : caller.mfaAtMs;
  if (serial !== undefined || code !== undefined) {
    if (caller.kind === 'role') throw denied; // an assumed role has no MFA device of its own
    consumeMfaCode(state, caller.user, serial ?? '', code ?? '', nowMs);
    mfaAtMs = nowMs;
  }
  if (role.trust.mfaRequired && mfaAtMs === undefined) throw denied;
  const { maxMfaAgeSeconds } = role.trust;
  if (maxMfaAgeSeconds !== undefined && (mfaAtMs === undefined || (nowMs - mfaAtMs) / 1000 >= maxMfaAgeSeconds))
    throw denied;

  const durationS = requestedS ?? 3600;
  const chained = caller.kind !== 'user';
  if (chained && durationS > ROLE_CHAINING_LIMIT_S) {
    throw validationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (durationS > role.maxSessionDuration) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }

  const expiresAtMs = nowMs + durationS * 1000;
  const credentials = issuer.issue({
    kind: 'role',
    accountId: role.accountId,
    roleArn: role.arn,
    roleSessionName: sessionName!,
    mfaAtMs,
    expiresAtMs,
  });
  return {
    ...credentialsXml(credentials, expiresAtMs),
    AssumedRoleUser: {
      AssumedRoleId: `${role.roleId}:${sessionName}`,
      Arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`,
    },
  };
};

export const STS_VERSION = '2011-06-15';
export const stsActions: Record<string, ActionHandler> = {
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
  AssumeRole: assumeRole,
};
