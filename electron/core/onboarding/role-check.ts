// Step 5: can the MFA session in the target profile assume each role? Uses the session keys already in
// the files (the app renews through its normal token dialog first), so the check proves exactly the chain
// git's credential helper will use.
import type { WizardRole, WizardRoleCheck } from '../../shared/contract';
import { ROLE_DURATION } from '../../shared/vocabulary';
import { parseExpiration } from '../profiles/expiration';
import type { ProfileModel, SettingValue } from '../profiles/types';
import type { AwsKeys } from '../sts';
import type { GatewayFactories } from './key-validation';

export type SessionLookup =
  | { state: 'valid'; message: string; keys: AwsKeys; settings: Readonly<Record<string, SettingValue>> }
  | { state: 'missing' | 'expired'; message: string };

/** Role checks ask for the shortest session STS allows: nothing is cached or written. */
const CHECK_DURATION_SECONDS = ROLE_DURATION.min;
const CHECK_SESSION_NAME = 'mfa-tray-wizard-check';

export function sessionOf(model: ProfileModel, target: string, nowMs: number): SessionLookup {
  const settings = model.profiles.get(target)?.settings;
  const text = (key: string): string | undefined =>
    typeof settings?.[key] === 'string' ? (settings[key] as string) : undefined;
  const accessKeyId = text('aws_access_key_id');
  const secretAccessKey = text('aws_secret_access_key');
  const sessionToken = text('aws_session_token');
  if (!settings || !accessKeyId || !secretAccessKey || !sessionToken) {
    return {
      state: 'missing',
      message: `There is no MFA session in ${target} yet: save the MFA profiles, renew once with a code, then check again.`,
    };
  }
  const expiration = text('expiration');
  const expiresAt = expiration ? parseExpiration(expiration) : undefined;
  if (expiresAt && expiresAt.getTime() <= nowMs) {
    return {
      state: 'expired',
      message: `The MFA session in ${target} expired at ${expiresAt.toISOString()}: renew it, then check again.`,
    };
  }
  return {
    state: 'valid',
    message: `Using the MFA session in ${target}.`,
    keys: { accessKeyId, secretAccessKey, sessionToken },
    settings,
  };
}

export async function checkRoles(
  session: SessionLookup,
  roles: readonly WizardRole[],
  factories: GatewayFactories,
): Promise<WizardRoleCheck> {
  if (session.state !== 'valid') return { sessionState: session.state, message: session.message, results: [] };
  const results = await Promise.all(
    roles.map(async (role) => {
      const sts = factories.sts({
        keys: session.keys,
        env: factories.env,
        profileSettings: role.region ? { ...session.settings, region: role.region } : session.settings,
      });
      try {
        const assumed = await sts.assumeRole({
          roleArn: role.roleArn,
          roleSessionName: CHECK_SESSION_NAME,
          durationSeconds: CHECK_DURATION_SECONDS,
        });
        return assumed.ok
          ? {
              profile: role.profile,
              roleArn: role.roleArn,
              ok: true,
              message: `${role.profile} works: ${assumed.value.assumedRoleArn}.`,
              assumedArn: assumed.value.assumedRoleArn,
            }
          : { profile: role.profile, roleArn: role.roleArn, ok: false, message: assumed.failure.message };
      } finally {
        sts.close();
      }
    }),
  );
  const failed = results.filter((result) => !result.ok).length;
  return {
    sessionState: 'valid',
    message:
      failed === 0
        ? `${session.message} Every role can be assumed.`
        : `${failed} of ${results.length} role${results.length === 1 ? '' : 's'} could not be assumed.`,
    results,
  };
}
