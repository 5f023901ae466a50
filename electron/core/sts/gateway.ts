// The STS gateway: GetSessionToken, AssumeRole and GetCallerIdentity over @aws-sdk/client-sts, each ending
// in a typed StsResult. Inputs are checked against STS's limits before anything is sent.
import { AssumeRoleCommand, GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import type { SettingValue } from '../profiles/types';
import { systemClock, type Clock } from '../time/clock';
import { callWithPolicy, DEFAULT_CALL_POLICY, type CallPolicy } from './call-policy';
import type { FailureContext } from './classify-error';
import { recordClockOffset } from './clock-offset';
import { resolveServiceTarget } from './endpoint';
import {
  ROLE_CHAINING_MAX_SECONDS,
  ROLE_DURATION,
  ROLE_SESSION_NAME_PATTERN,
  SERIAL_LENGTH,
  SESSION_DURATION,
  TOKEN_CODE_PATTERN,
} from '../../shared/vocabulary/sts-limits';
import type { AssumedRole, AwsKeys, CallerIdentity, SessionCredentials, StsFailure, StsResult } from './outcomes';
import { checkDuration } from './duration';

export interface GatewayOptions {
  keys: AwsKeys;
  /** Name of the profile the keys come from (lets the SDK read that profile's FIPS/dual-stack settings). */
  profileName?: string;
  /** Effective settings of that profile: region, endpoint_url, services. */
  profileSettings?: Readonly<Record<string, SettingValue>>;
  servicesSections?: Readonly<Record<string, Readonly<Record<string, SettingValue>>>>;
  env?: NodeJS.ProcessEnv;
  policy?: Partial<CallPolicy>;
  clock?: Clock;
}

export interface GetSessionTokenInput {
  serialNumber: string;
  tokenCode: string;
  durationSeconds: number;
}

export interface AssumeRoleInput {
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number;
  serialNumber?: string;
  tokenCode?: string;
  externalId?: string;
}

export interface StsGateway {
  getSessionToken(input: GetSessionTokenInput): Promise<StsResult<SessionCredentials>>;
  assumeRole(input: AssumeRoleInput): Promise<StsResult<AssumedRole>>;
  getCallerIdentity(): Promise<StsResult<CallerIdentity>>;
  close(): void;
}

function fail(failure: StsFailure): { ok: false; failure: StsFailure } {
  return { ok: false, failure };
}

function checkCode(code: string): StsFailure | undefined {
  return TOKEN_CODE_PATTERN.test(code)
    ? undefined
    : { kind: 'invalid-code-format', category: 'user', message: 'The MFA code must be exactly 6 digits.' };
}

function checkSerial(serial: string): StsFailure | undefined {
  return serial.length >= SERIAL_LENGTH.min && serial.length <= SERIAL_LENGTH.max
    ? undefined
    : {
        kind: 'invalid-parameter',
        category: 'user',
        message: `The MFA device serial must be ${SERIAL_LENGTH.min}–${SERIAL_LENGTH.max} characters (an ARN like arn:aws:iam::123456789012:mfa/NAME).`,
      };
}

function sessionFrom(
  creds: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string; Expiration?: Date } | undefined,
): SessionCredentials | undefined {
  if (
    !creds?.AccessKeyId ||
    !creds.SecretAccessKey ||
    !creds.SessionToken ||
    !(creds.Expiration instanceof Date) ||
    Number.isNaN(creds.Expiration.getTime())
  ) {
    return undefined;
  }
  return {
    accessKeyId: creds.AccessKeyId,
    secretAccessKey: creds.SecretAccessKey,
    sessionToken: creds.SessionToken,
    expiration: creds.Expiration,
  };
}

const INCOMPLETE: StsFailure = {
  kind: 'malformed-response',
  category: 'aws',
  message: 'AWS STS answered without complete credentials (is the endpoint really STS?).',
};

export function createStsGateway(options: GatewayOptions): StsGateway {
  const policy = { ...DEFAULT_CALL_POLICY, ...options.policy };
  const target = resolveServiceTarget('sts', {
    env: options.env ?? process.env,
    profileSettings: options.profileSettings,
    servicesSections: options.servicesSections,
  });
  const client = new STSClient({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : { useGlobalEndpoint: target.useGlobalEndpoint }),
    ...(options.profileName ? { profile: options.profileName } : {}),
    credentials: { ...options.keys },
    maxAttempts: 1, // retries are ours: they depend on whether a code may have been consumed
    requestHandler: {
      connectionTimeout: policy.connectionTimeoutMs,
      requestTimeout: policy.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
  });
  const clock = recordClockOffset(client.middlewareStack, options.clock ?? systemClock);
  const context = (base: Omit<FailureContext, 'keys' | 'clockOffsetMs'>) => (): FailureContext => ({
    ...base,
    keys: options.keys,
    clockOffsetMs: clock.lastOffsetMs(),
  });
  const usesSessionKeys = Boolean(options.keys.sessionToken);

  return {
    async getSessionToken(input) {
      const early =
        (usesSessionKeys
          ? ({
              kind: 'session-keys-as-source',
              category: 'user',
              message: `The keys of access key ${options.keys.accessKeyId} are temporary session keys; GetSessionToken needs the IAM user's long-term keys.`,
            } satisfies StsFailure)
          : undefined) ??
        checkSerial(input.serialNumber) ??
        checkCode(input.tokenCode) ??
        checkDuration(
          input.durationSeconds,
          SESSION_DURATION.min,
          SESSION_DURATION.max,
          'GetSessionToken for an IAM user',
        );
      if (early) return fail(early);
      const result = await callWithPolicy(
        () =>
          client.send(
            new GetSessionTokenCommand({
              SerialNumber: input.serialNumber,
              TokenCode: input.tokenCode,
              DurationSeconds: input.durationSeconds,
            }),
          ),
        context({
          operation: 'GetSessionToken',
          serialNumber: input.serialNumber,
          durationSeconds: input.durationSeconds,
          sendsCode: true,
        }),
        policy,
      );
      if (!result.ok) return result;
      const session = sessionFrom(result.value.Credentials);
      return session
        ? { ok: true, value: session }
        : fail({
            ...INCOMPLETE,
            message: `${INCOMPLETE.message} The code may have been used: wait for the next code.`,
          });
    },

    async assumeRole(input) {
      const duration = input.durationSeconds ?? ROLE_DURATION.default;
      const max = usesSessionKeys ? ROLE_CHAINING_MAX_SECONDS : ROLE_DURATION.max;
      const early =
        checkDuration(
          duration,
          ROLE_DURATION.min,
          max,
          usesSessionKeys ? 'role chaining with temporary credentials is capped at 1 hour' : 'AssumeRole',
        ) ??
        (ROLE_SESSION_NAME_PATTERN.test(input.roleSessionName)
          ? undefined
          : ({
              kind: 'invalid-parameter',
              category: 'user',
              message: 'The role session name must be 2–64 characters of letters, digits and +=,.@_-.',
            } satisfies StsFailure)) ??
        (input.tokenCode !== undefined ? checkCode(input.tokenCode) : undefined) ??
        (input.serialNumber !== undefined ? checkSerial(input.serialNumber) : undefined);
      if (early) return fail(early);
      const sendsCode = input.tokenCode !== undefined;
      const result = await callWithPolicy(
        () =>
          client.send(
            new AssumeRoleCommand({
              RoleArn: input.roleArn,
              RoleSessionName: input.roleSessionName,
              DurationSeconds: duration,
              ...(sendsCode ? { SerialNumber: input.serialNumber, TokenCode: input.tokenCode } : {}),
              ...(input.externalId !== undefined && { ExternalId: input.externalId }),
            }),
          ),
        context({ operation: 'AssumeRole', serialNumber: input.serialNumber, durationSeconds: duration, sendsCode }),
        policy,
      );
      if (!result.ok) return result;
      const session = sessionFrom(result.value.Credentials);
      const arn = result.value.AssumedRoleUser?.Arn;
      return session && arn ? { ok: true, value: { ...session, assumedRoleArn: arn } } : fail(INCOMPLETE);
    },

    async getCallerIdentity() {
      const result = await callWithPolicy(
        () => client.send(new GetCallerIdentityCommand({})),
        context({ operation: 'GetCallerIdentity', sendsCode: false }),
        policy,
      );
      if (!result.ok) return result;
      const { Account, Arn, UserId } = result.value;
      if (!Account || !Arn || !UserId)
        return fail({ ...INCOMPLETE, message: 'AWS STS answered GetCallerIdentity without an identity.' });
      return { ok: true, value: { account: Account, arn: Arn, userId: UserId } };
    },

    close: () => client.destroy(),
  };
}
