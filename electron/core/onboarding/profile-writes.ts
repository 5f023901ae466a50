// What the wizard writes, profile by profile, as `writeProfileSettings` values: the long-term keys and MFA
// settings in the source, the explicit pairing in the target, and the role profiles (config file only).
// Keys of the user's that would break this setup are deleted, and only when they are there.
import { DURATION_KEY, PAIRING_KEY } from '../profiles/mfa-pairing';
import type { Profile } from '../profiles/types';
import type { LongTermKeys } from './access-key-csv';

export interface PlannedRole {
  profile: string;
  roleArn: string;
  region?: string;
}

export interface ProfilesPlan {
  /** Absent: session-chain. */
  layout?: 'session-chain' | 'mfa-on-role';
  sourceProfile: string;
  targetProfile: string;
  mfaSerial: string;
  durationSeconds: number;
  roles: readonly PlannedRole[];
}

export interface ProfileWrite {
  profile: string;
  values: Record<string, string | null>;
}

/** `newKeys` undefined keeps the source profile's keys as they are. */
export function planProfileWrites(
  plan: ProfilesPlan,
  newKeys: LongTermKeys | undefined,
  existing: (name: string) => Profile | undefined,
): ProfileWrite[] {
  const has = (profile: string, key: string): boolean => existing(profile)?.settings[key] !== undefined;
  const source: Record<string, string | null> = {};
  if (newKeys) {
    source.aws_access_key_id = newKeys.accessKeyId;
    source.aws_secret_access_key = newKeys.secretAccessKey;
    // A session token left over from earlier keys would be sent with the new ones and rejected.
    if (has(plan.sourceProfile, 'aws_session_token')) source.aws_session_token = null;
    if (has(plan.sourceProfile, 'aws_security_token')) source.aws_security_token = null;
  }
  const onRole = plan.layout === 'mfa-on-role';
  // mfa-on-role: no session profile; the device goes on each role, whose AssumeRole the long-term keys sign.
  if (!onRole) {
    source.mfa_serial = plan.mfaSerial;
    source[DURATION_KEY] = String(plan.durationSeconds);
  }
  const writes: ProfileWrite[] = [{ profile: plan.sourceProfile, values: source }];
  if (!onRole) writes.push({ profile: plan.targetProfile, values: { [PAIRING_KEY]: plan.sourceProfile } });
  for (const role of plan.roles) {
    const values: Record<string, string | null> = {};
    if (role.region) values.region = role.region;
    values.role_arn = role.roleArn;
    values.source_profile = onRole ? plan.sourceProfile : plan.targetProfile;
    // botocore refuses a profile with both source_profile and credential_source.
    if (has(role.profile, 'credential_source')) values.credential_source = null;
    // Session chaining: with mfa_serial here the AWS CLI would ask for a code at every AssumeRole.
    if (onRole) values.mfa_serial = plan.mfaSerial;
    else if (has(role.profile, 'mfa_serial')) values.mfa_serial = null;
    writes.push({ profile: role.profile, values });
  }
  return writes;
}
