// Role chains as botocore's AssumeRoleProvider walks them: follow source_profile until a profile with static
// keys, a non-role profile, or credential_source; a cycle or a missing profile is an error, not a crash.
import { hasStaticCredentials, isAssumeRoleProfile, stringSetting } from './classify';
import type { SettingValue } from './types';

type SettingsOf = (profile: string) => Readonly<Record<string, SettingValue>> | undefined;

export interface RoleChain {
  /** From the role down to the profile the credentials come from; a missing source profile is listed last. */
  chain: string[];
  /** The profile the first credentials come from, when the chain ends in a profile (not credential_source). */
  credentialsProfile?: string;
  error?: string;
}

export function resolveRoleChain(role: string, settingsOf: SettingsOf): RoleChain {
  const chain = [role];
  let current = role;
  for (;;) {
    const settings = settingsOf(current) ?? {};
    const source = stringSetting(settings, 'source_profile');
    const credentialSource = stringSetting(settings, 'credential_source');
    if (source !== undefined && credentialSource !== undefined) {
      return { chain, error: `profile "${current}" has both source_profile and credential_source` };
    }
    if (credentialSource !== undefined) return { chain };
    if (source === undefined) {
      return { chain, error: `profile "${current}" has role_arn but neither source_profile nor credential_source` };
    }
    const sourceSettings = settingsOf(source);
    if (sourceSettings === undefined) {
      chain.push(source);
      return { chain, error: `source_profile "${source}" of profile "${current}" does not exist` };
    }
    if (chain.includes(source)) {
      // A role may name itself as source to use its own static keys; any other revisit loops forever.
      if (source === current && hasStaticCredentials(sourceSettings)) return { chain, credentialsProfile: current };
      return { chain, error: `source_profile loop: ${[...chain, source].join(' → ')}` };
    }
    chain.push(source);
    if (hasStaticCredentials(sourceSettings) || !isAssumeRoleProfile(sourceSettings)) {
      return { chain, credentialsProfile: source };
    }
    current = source;
  }
}
