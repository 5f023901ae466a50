// AWS's documented MFA layout for roles: `mfa_serial` on the role profile itself, signed by a source profile's
// static keys or by credential_source. botocore reads mfa_serial from the role profile only (never from its
// source), sends it as SerialNumber with a prompted TokenCode, and caches the answer under the profile's key.
import { hasSessionToken, hasStaticCredentials, stringSetting } from './classify';
import { assumeRoleArguments, roleCacheKey } from './role-cache-key';
import type { RoleChain } from './role-chains';
import type { MfaRole, MfaRoleSigner, Profile, RoleProfile, SettingValue } from './types';

type Section = Readonly<Record<string, SettingValue>>;

/** The MFA role a role profile is, or undefined when it names no device of its own or its signer is unknown. */
export function describeMfaRole(
  name: string,
  chain: RoleChain,
  profiles: ReadonlyMap<string, Profile>,
): MfaRole | undefined {
  const settings = profiles.get(name)!.settings;
  const device = stringSetting(settings, 'mfa_serial')?.trim();
  if (!device) return undefined;
  const signer = signerOf(name, settings, chain, profiles);
  const cacheKey = roleCacheKey(settings);
  if (signer === undefined || cacheKey === undefined) return undefined;
  const args = assumeRoleArguments(settings) ?? {};
  const role: MfaRole = { device, cacheKey, signer };
  if (typeof args.DurationSeconds === 'number') role.durationSeconds = args.DurationSeconds;
  if (typeof args.RoleSessionName === 'string') role.roleSessionName = args.RoleSessionName;
  if (typeof args.ExternalId === 'string') role.externalId = args.ExternalId;
  return role;
}

/**
 * Only a one-step chain is an MFA role MFA Tray can renew: the role's own credential_source, or a source profile
 * holding keys. A source that is itself a role would need that role assumed first (botocore does, prompting for
 * each device on the way); MFA Tray leaves such chains to the AWS CLI.
 */
function signerOf(
  name: string,
  settings: Section,
  { chain, credentialsProfile, error }: RoleChain,
  profiles: ReadonlyMap<string, Profile>,
): MfaRoleSigner | undefined {
  if (error !== undefined) return undefined;
  const credentialSource = stringSetting(settings, 'credential_source');
  if (credentialSource !== undefined) return { kind: 'credential-source', name: credentialSource };
  const source = chain[1] ?? (credentialsProfile === name ? name : undefined);
  if (source === undefined || source !== credentialsProfile) return undefined;
  const sourceSettings = profiles.get(source)?.settings ?? {};
  if (!hasStaticCredentials(sourceSettings)) return undefined;
  return { kind: 'profile', profile: source, temporary: hasSessionToken(sourceSettings) };
}

/**
 * Which of the two MFA layouts a role uses: `mfa_serial` on the role itself (AssumeRole with a code at each cache
 * expiry), a role chained from an MFA session profile (GetSessionToken renewed, AssumeRole without a code), or none.
 */
export type RoleLayout = 'mfa-on-role' | 'mfa-session-chain' | 'no-mfa';

export function roleLayout(role: Pick<RoleProfile, 'mfaRole' | 'mfaSessionTarget'>): RoleLayout {
  if (role.mfaRole) return 'mfa-on-role';
  return role.mfaSessionTarget !== undefined ? 'mfa-session-chain' : 'no-mfa';
}
