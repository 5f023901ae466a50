// From the profile model to everything one MFA role renewal needs (AssumeRole with SerialNumber and TokenCode,
// as botocore calls it for a role profile with mfa_serial), or an outcome saying what to fix — before any code.
import {
  checkRoleCacheWritable,
  readRoleCacheKeys,
  type MfaRole,
  type ProfileModel,
  type SettingValue,
} from '../profiles';
// Leaf files, not indexes: a role's pre-checks load neither zod nor the SDK.
import { checkDuration } from '../sts/duration';
import type { AwsKeys } from '../sts';
import {
  ROLE_CHAINING_MAX_SECONDS,
  ROLE_DURATION,
  ROLE_SESSION_NAME_PATTERN,
} from '../../shared/vocabulary/sts-limits';
import { errorMessage } from '../../shared/error-message';
import { describeUntil } from './outcome-text';
import { roleKeysFresh } from './role-target';
import { maskSecretLike } from './problem-text';
import type { RenewDeps, RenewOutcome } from './types';

export interface ResolvedRole {
  target: string;
  roleArn: string;
  mfaRole: MfaRole;
  device: string;
  /** Who signs AssumeRole, in words: the source profile's name or `credential_source Environment`. */
  signerName: string;
  keys: AwsKeys;
  /** The role profile's settings: its region and endpoint are the ones botocore's STS client uses. */
  settings: Readonly<Record<string, SettingValue>>;
  durationSeconds: number;
  /** The expiry of the entry botocore would read now, when there is one. */
  expiration?: Date;
}

const configuration = (message: string): RenewOutcome => ({ kind: 'configuration', category: 'user', message });

export async function resolveMfaRole(
  model: ProfileModel,
  request: { target: string; force?: boolean },
  deps: RenewDeps,
  nowMs: number,
): Promise<ResolvedRole | RenewOutcome> {
  const { target } = request;
  const role = model.roles.find((candidate) => candidate.profile === target);
  const settings = model.profiles.get(target)?.settings;
  if (!role || !settings) return configuration(`Profile "${target}" is not a role profile.`);
  const { mfaRole } = role;
  if (!mfaRole) {
    return configuration(
      role.chainError
        ? `Role profile "${target}" cannot be assumed: ${role.chainError}.`
        : `Role profile "${target}" takes its source credentials from another role (${role.chain.join(' → ')}); MFA Tray renews MFA roles whose source_profile holds keys or that use credential_source. Use the AWS CLI for this chain.`,
    );
  }
  const cached = await readRoleCacheKeys(deps.locations.cliCacheDir, mfaRole.cacheKey);
  if (!request.force && roleKeysFresh(cached?.expiration, nowMs)) {
    return {
      kind: 'still-valid',
      category: 'ok',
      target,
      expiration: cached.expiration,
      message: `The role "${target}" is still cached until ${describeUntil(cached.expiration, nowMs)}; nothing to do (use --force to renew anyway).`,
    };
  }
  const signer = signerKeys(model, mfaRole, deps.env ?? process.env);
  if ('kind' in signer) return signer;
  const durationSeconds = mfaRole.durationSeconds ?? ROLE_DURATION.default;
  const chained = signer.keys.sessionToken !== undefined;
  const outOfRange = checkDuration(
    durationSeconds,
    ROLE_DURATION.min,
    chained ? ROLE_CHAINING_MAX_SECONDS : ROLE_DURATION.max,
    chained
      ? `duration_seconds of "${target}": ${signer.name} holds temporary keys, and role chaining is capped at 1 hour`
      : `duration_seconds of "${target}"`,
  );
  if (outOfRange) return outOfRange;
  if (mfaRole.roleSessionName !== undefined && !ROLE_SESSION_NAME_PATTERN.test(mfaRole.roleSessionName))
    return configuration(
      `role_session_name of "${target}" must be 2–64 characters of letters, digits and +=,.@_-, not "${mfaRole.roleSessionName}".`,
    );
  try {
    await checkRoleCacheWritable(deps.locations.cliCacheDir, mfaRole.cacheKey);
  } catch (error) {
    return {
      kind: 'file-problem',
      category: 'user',
      message: `MFA Tray could not save role credentials in ${deps.locations.cliCacheDir}, so no code was asked for or sent: ${maskSecretLike(errorMessage(error))}.`,
    };
  }
  const resolved: ResolvedRole = {
    target,
    roleArn: role.roleArn,
    mfaRole,
    device: mfaRole.device,
    signerName: signer.name,
    keys: signer.keys,
    settings,
    durationSeconds,
  };
  if (cached) resolved.expiration = cached.expiration;
  return resolved;
}

function text(settings: Readonly<Record<string, SettingValue>>, key: string): string | undefined {
  const value = settings[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The keys AssumeRole is signed with, as botocore finds them for this role. */
function signerKeys(
  model: ProfileModel,
  { signer }: MfaRole,
  env: NodeJS.ProcessEnv,
): { name: string; keys: AwsKeys } | RenewOutcome {
  if (signer.kind === 'credential-source') {
    if (signer.name !== 'Environment')
      return configuration(
        `credential_source ${signer.name} gives credentials only on an AWS instance or container; MFA Tray can sign with credential_source Environment or a source_profile's keys.`,
      );
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey)
      return configuration(
        'credential_source Environment needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment MFA Tray runs in.',
      );
    const sessionToken = env.AWS_SESSION_TOKEN || undefined;
    return {
      name: 'credential_source Environment',
      keys: sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey },
    };
  }
  const settings = model.profiles.get(signer.profile)?.settings ?? {};
  const accessKeyId = text(settings, 'aws_access_key_id');
  const secretAccessKey = text(settings, 'aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey)
    return configuration(
      `Profile "${signer.profile}" has no complete access key pair (aws_access_key_id and aws_secret_access_key in the credentials file).`,
    );
  // botocore prefers the legacy aws_security_token when both are there.
  const sessionToken = text(settings, 'aws_security_token') ?? text(settings, 'aws_session_token');
  return {
    name: signer.profile,
    keys: sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey },
  };
}
