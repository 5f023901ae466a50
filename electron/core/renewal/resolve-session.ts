// From the profile model to everything one renewal needs, or a configuration outcome that says what to fix —
// all before anyone is asked for a code.
import { DURATION_KEY, type Profile, type ProfileModel, type SettingValue } from '../profiles';
// Leaf files, not indexes: renewal's pre-checks load neither zod nor the SDK.
import { SESSION_DURATION } from '../../shared/vocabulary/sts-limits';
import { checkDuration } from '../sts/duration';
import type { AwsKeys, StsFailure } from '../sts';
import type { RenewOutcome } from './types';
import { targetExpiration } from './session-expiration';

export interface ResolvedRenewal {
  target: string;
  source: string;
  device: string;
  durationSeconds: number;
  keys: AwsKeys;
  sourceSettings: Readonly<Record<string, SettingValue>>;
  /** The target's current expiration, when it has a readable one. */
  expiration?: Date;
}

function text(settings: Readonly<Record<string, SettingValue>>, key: string): string | undefined {
  const value = settings[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// Only these may receive session keys: a long-term profile would lose its keys, a role or SSO profile its meaning.
const RECEIVING_KINDS: ReadonlySet<Profile['kind']> = new Set(['mfa-session', 'other']);

const configuration = (message: string): RenewOutcome => ({ kind: 'configuration', category: 'user', message });

/** Where the long-term keys would be: named when no source can be found, so the message says what is missing. */
export interface CredentialsFileFacts {
  path: string;
  exists: boolean;
}

/** Why no profile could renew `target`: the real cause (no credentials file, no key pair, no mfa_serial, two candidates). */
function missingSourceCause(model: ProfileModel, credentials: CredentialsFileFacts | undefined): string {
  if (credentials && !credentials.exists)
    return `there is no credentials file at ${credentials.path} (set AWS_SHARED_CREDENTIALS_FILE if it is elsewhere), so no profile holds long-term keys`;
  const longTerm = [...model.profiles.values()].filter((p) => p.kind === 'long-term');
  if (longTerm.length === 0) return 'no profile holds long-term keys (aws_access_key_id and aws_secret_access_key)';
  const withDevice = longTerm.filter((p) => text(p.settings, 'mfa_serial') ?? text(p.settings, 'aws_mfa_device'));
  const names = (list: Profile[]) => list.map((p) => `"${p.name}"`).join(', ');
  if (withDevice.length === 0)
    return `${names(longTerm)} ${longTerm.length === 1 ? 'holds' : 'hold'} long-term keys but no mfa_serial`;
  if (withDevice.length > 1) return `${names(withDevice)} could each renew it`;
  return `"${withDevice[0]!.name}" has long-term keys and mfa_serial but is paired with no session profile of this name`;
}

function pickSource(
  model: ProfileModel,
  target: string,
  source: string | undefined,
  credentials: CredentialsFileFacts | undefined,
): string | RenewOutcome {
  if (source !== undefined) return source;
  const pairs = model.mfaSessions.filter((s) => s.target === target);
  if (pairs.length === 1 && pairs[0]) return pairs[0].source;
  // Named the source or a role instead of the session: point at the session rather than at --source.
  const renewedFrom = model.mfaSessions.filter((s) => s.source === target);
  if (renewedFrom.length === 1 && renewedFrom[0]) {
    return configuration(
      `Profile "${target}" holds the long-term keys that renew "${renewedFrom[0].target}": renew "${renewedFrom[0].target}" instead.`,
    );
  }
  const viaRole = model.roles.find((r) => r.profile === target)?.mfaSessionTarget;
  if (viaRole)
    return configuration(
      `Profile "${target}" is a role profile that uses the MFA session "${viaRole}": renew "${viaRole}" instead.`,
    );
  const cause = missingSourceCause(model, credentials);
  if (!model.profiles.has(target)) {
    return configuration(
      `There is no profile "${target}", and no profile renews it: ${cause}. Fix that, or pass --source PROFILE (the profile with the long-term keys and mfa_serial).`,
    );
  }
  return configuration(
    `MFA Tray does not know which profile renews "${target}": ${cause}. Fix that, or pass --source PROFILE (the profile with the long-term keys and mfa_serial).`,
  );
}

function durationOf(source: Profile, requested: number | undefined): number | RenewOutcome {
  if (requested !== undefined) return requested;
  const configured = text(source.settings, DURATION_KEY);
  if (configured === undefined) return SESSION_DURATION.default;
  if (!/^\d+$/.test(configured)) {
    return configuration(
      `${DURATION_KEY} of profile "${source.name}" is "${configured}", not a whole number of seconds.`,
    );
  }
  return Number(configured);
}

export function resolveRenewal(
  model: ProfileModel,
  request: { target: string; source?: string; durationSeconds?: number },
  credentials?: CredentialsFileFacts,
): ResolvedRenewal | RenewOutcome {
  const { target } = request;
  const sourceName = pickSource(model, target, request.source, credentials);
  if (typeof sourceName !== 'string') return sourceName;
  if (sourceName === target)
    return configuration(
      `The source and the target are both "${target}": the session keys would overwrite the long-term keys.`,
    );
  const existingTarget = model.profiles.get(target);
  if (existingTarget && !RECEIVING_KINDS.has(existingTarget.kind)) {
    return configuration(
      `Profile "${target}" is a ${existingTarget.kind} profile; MFA Tray writes session keys only to a profile meant for them, never over it.`,
    );
  }
  const source = model.profiles.get(sourceName);
  if (!source) return configuration(`There is no profile "${sourceName}" in the AWS config or credentials file.`);

  const device = text(source.settings, 'mfa_serial') ?? text(source.settings, 'aws_mfa_device');
  if (!device)
    return configuration(
      `Profile "${sourceName}" has no mfa_serial: add the ARN of your MFA device (arn:aws:iam::ACCOUNT:mfa/NAME) to its config section.`,
    );

  const accessKeyId = text(source.settings, 'aws_access_key_id');
  const secretAccessKey = text(source.settings, 'aws_secret_access_key');
  if (!accessKeyId || !secretAccessKey) {
    return configuration(
      `Profile "${sourceName}" has no complete access key pair (aws_access_key_id and aws_secret_access_key in the credentials file).`,
    );
  }
  if (text(source.settings, 'aws_session_token') ?? text(source.settings, 'aws_security_token')) {
    return {
      kind: 'session-keys-as-source',
      category: 'user',
      message: `Profile "${sourceName}" holds temporary session keys; GetSessionToken needs the IAM user's long-term keys.`,
    } satisfies StsFailure;
  }

  const durationSeconds = durationOf(source, request.durationSeconds);
  if (typeof durationSeconds !== 'number') return durationSeconds;
  const outOfRange = checkDuration(
    durationSeconds,
    SESSION_DURATION.min,
    SESSION_DURATION.max,
    'GetSessionToken for an IAM user',
  );
  if (outOfRange) return outOfRange;

  return {
    target,
    source: sourceName,
    device,
    durationSeconds,
    keys: { accessKeyId, secretAccessKey },
    sourceSettings: source.settings,
    expiration: targetExpiration(model, target),
  };
}
