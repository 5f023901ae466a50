// The profile model from already-parsed files: pure, so the CLI, the app and the tests see the same thing.
// The limits' own file, not the vocabulary's index: that would load zod for every profile read.
import { SESSION_DURATION } from '../../shared/vocabulary/sts-limits';
import type { FileProblem, FileRole } from '../aws-files/file-problem';
import type { LoadedConfig } from '../ini';
import { accountIdFromArn, assumedRoleIdentity, assumedRoleName, roleIdentity } from './arn';
import { classifyProfile, hasStaticCredentials, stringSetting } from './classify';
import { naiveStampZone, parseExpiration } from './expiration';
import { DURATION_KEY, pairMfaSessions, type Pairing } from './mfa-pairing';
import { describeMfaRole } from './mfa-roles';
import { resolveRoleChain, type RoleChain } from './role-chains';
import { roleCacheKey } from './role-cache-key';
import type { CachedRoleCredential, MfaSession, Profile, ProfileModel, RoleProfile, SettingValue } from './types';

type Section = Readonly<Record<string, SettingValue>>;

export interface ProfileModelInput {
  config: LoadedConfig;
  /** The credentials file as botocore's raw_config_parse reads it. */
  credentials: Readonly<Record<string, Section>>;
  /** Problems already found while reading and parsing the files. */
  problems: FileProblem[];
  cachedRoles: CachedRoleCredential[];
  /** Names the config file in problems the model itself finds (pairing, expirations, durations). */
  configPath?: string;
}

export function buildProfileModel(input: ProfileModelInput): ProfileModel {
  const modelProblems: string[] = [];
  const profiles = mergeProfiles(input.config.profiles, input.credentials);
  const settingsOf = (name: string): Section | undefined => profiles.get(name)?.settings;

  const chains = new Map<string, RoleChain>();
  const roleSources = new Set<string>();
  const pendingRoleSources = new Set<string>();
  // Loops take the name from the profile (or use forEach): for-of over entries makes an array per profile.
  for (const profile of profiles.values()) {
    if (profile.kind !== 'role') continue;
    const name = profile.name;
    const chain = resolveRoleChain(name, settingsOf);
    chains.set(name, chain);
    const source = stringSetting(profile.settings, 'source_profile');
    if (source !== undefined) roleSources.add(source);
    const bottom = chain.chain[chain.chain.length - 1]!;
    if (bottom !== name && holdsNoCredentials(profiles.get(bottom))) pendingRoleSources.add(bottom);
  }

  const pairing = pairMfaSessions({ profiles, configSections: input.config.profiles, pendingRoleSources, roleSources });
  modelProblems.push(...pairing.problems);
  const mfaSessions = pairing.pairs.map((pair) => describeSession(pair, profiles, modelProblems));
  const sessionByTarget = new Map<string, MfaSession>();
  for (const session of mfaSessions) {
    sessionByTarget.set(session.target, session);
    const target = profiles.get(session.target);
    if (target?.kind === 'other') target.kind = 'mfa-session';
  }

  const cachedExpiry = matchCachedRoles(chains, profiles, input.cachedRoles);
  const roles: RoleProfile[] = [];
  const roleByProfile = new Map<string, RoleProfile>();
  chains.forEach((resolved, name) => {
    const { chain, credentialsProfile, error } = resolved;
    const settings = profiles.get(name)!.settings;
    const roleArn = stringSetting(settings, 'role_arn')!;
    const bottom = chain[chain.length - 1]!;
    const session = bottom === name ? undefined : sessionByTarget.get(bottom);
    const role: RoleProfile = { profile: name, roleArn, chain };
    setDefined(role, 'accountId', accountIdFromArn(roleArn));
    setDefined(role, 'region', stringSetting(settings, 'region'));
    setDefined(role, 'mfaSessionTarget', session?.target);
    setDefined(role, 'mfaSerial', firstMfaSerial(chain, settingsOf) ?? session?.device);
    setDefined(role, 'cachedExpiration', cachedExpiry.get(name));
    const sourceLacksCredentials =
      credentialsProfile !== undefined &&
      credentialsProfile !== name &&
      holdsNoCredentials(profiles.get(credentialsProfile));
    setDefined(
      role,
      'chainError',
      error ??
        (sourceLacksCredentials
          ? `source profile "${credentialsProfile}" has no credentials${session ? ' (its MFA session has not been renewed yet)' : ''}`
          : undefined),
    );
    setDefined(role, 'mfaRole', describeMfaRole(name, resolved, profiles));
    roles.push(role);
    roleByProfile.set(name, role);
  });

  for (const profile of profiles.values()) {
    const name = profile.name;
    const session = sessionByTarget.get(name);
    const role = roleByProfile.get(name);
    const ownSerial = stringSetting(profile.settings, 'mfa_serial');
    setDefined(
      profile,
      'accountId',
      role?.accountId ||
        (ownSerial && accountIdFromArn(ownSerial)) ||
        stringSetting(profile.settings, 'aws_account_id') ||
        session?.accountId ||
        undefined,
    );
    setDefined(profile, 'mfaSerial', role?.mfaSerial ?? ownSerial ?? session?.device);
  }

  const file = input.configPath ?? 'config';
  return {
    profiles,
    ssoSessions: new Map(Object.entries(input.config.ssoSessions)),
    mfaSessions,
    roles,
    problems: [
      ...input.problems,
      ...modelProblems.map((message): FileProblem => ({ file, fileRole: 'config', line: 0, message })),
    ],
  };
}

function firstMfaSerial(
  chain: readonly string[],
  settingsOf: (name: string) => Section | undefined,
): string | undefined {
  for (const name of chain) {
    const serial = stringSetting(settingsOf(name) ?? {}, 'mfa_serial');
    if (serial) return serial;
  }
  return undefined;
}

/** Session.full_config: config profiles, then each credentials section updates (or adds) the profile of its name. */
function mergeProfiles(
  config: Readonly<Record<string, Section>>,
  credentials: Readonly<Record<string, Section>>,
): Map<string, Profile> {
  const merged = new Map<string, Profile>();
  const add = (name: string, fromConfig: Section | undefined, fromCredentials: Section | undefined): void => {
    // Plain literals (cheaper to make than prototype-less records), filled with setOwn.
    const origin: Record<string, FileRole> = {};
    let settings: Section;
    if (fromConfig && fromCredentials) {
      const both: Record<string, SettingValue> = {};
      for (const key of Object.keys(fromConfig)) {
        setOwn(both, key, fromConfig[key] as SettingValue);
        setOwn(origin, key, 'config');
      }
      for (const key of Object.keys(fromCredentials)) {
        setOwn(both, key, fromCredentials[key] as SettingValue);
        setOwn(origin, key, 'credentials');
      }
      settings = both;
    } else {
      // One file's section is already a record of its own: shared, not copied.
      settings = (fromConfig ?? fromCredentials) as Section;
      const file: FileRole = fromConfig ? 'config' : 'credentials';
      for (const key of Object.keys(settings)) setOwn(origin, key, file);
    }
    merged.set(name, { name, kind: classifyProfile(settings, origin), settings, origin });
  };
  for (const name of Object.keys(config))
    add(name, config[name], Object.hasOwn(credentials, name) ? credentials[name] : undefined);
  for (const name of Object.keys(credentials))
    if (!Object.hasOwn(config, name)) add(name, undefined, credentials[name]);
  return merged;
}

function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  // Plain assignment to __proto__ would change the prototype instead of adding the key.
  if (key === '__proto__')
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

function holdsNoCredentials(profile: Profile | undefined): boolean {
  return (
    profile === undefined ||
    ((profile.kind === 'other' || profile.kind === 'mfa-session') && !hasStaticCredentials(profile.settings))
  );
}

function describeSession(pair: Pairing, merged: ReadonlyMap<string, Profile>, problems: string[]): MfaSession {
  const source = merged.get(pair.source)!.settings;
  const target = merged.get(pair.target)?.settings ?? {};
  const device = stringSetting(source, 'mfa_serial') ?? stringSetting(source, 'aws_mfa_device');
  const session: MfaSession = { source: pair.source, target: pair.target, pairedBy: pair.pairedBy };

  const durationText = stringSetting(source, DURATION_KEY);
  let durationSeconds: number | undefined;
  if (durationText !== undefined) {
    const value = /^\d+$/.test(durationText) ? Number(durationText) : NaN;
    if (value >= SESSION_DURATION.min && value <= SESSION_DURATION.max) durationSeconds = value;
    else {
      problems.push(
        `${DURATION_KEY} of profile "${pair.source}" is "${durationText}": expected whole seconds from ` +
          `${SESSION_DURATION.min} to ${SESSION_DURATION.max}`,
      );
    }
  }

  const expirationText = stringSetting(target, 'expiration');
  const expiration = expirationText === undefined ? undefined : parseExpiration(expirationText, naiveStampZone(target));
  if (expirationText !== undefined && expiration === undefined) {
    problems.push(
      `expiration of profile "${pair.target}" is "${expirationText}": expected an ISO-8601 time ` +
        `(2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS in UTC`,
    );
  }

  setDefined(session, 'device', device);
  setDefined(session, 'durationSeconds', durationSeconds);
  setDefined(session, 'expiration', expiration);
  setDefined(session, 'unparsedExpiration', expiration === undefined ? expirationText : undefined);
  setDefined(session, 'accountId', (device && accountIdFromArn(device)) || stringSetting(source, 'aws_account_id'));
  return session;
}

/**
 * Cached role credentials per role profile: by botocore's own cache key (what the AWS CLI will reuse); a file
 * no key explains counts for a role whose account and role name its AssumedRoleUser shows, if only one role
 * profile has them. Only roles whose identity matches a cache file are hashed: hashing is the costly part.
 * Likewise only roles whose ARN ends in a role name some cache file shows have their identity worked out.
 */
function matchCachedRoles(
  chains: ReadonlyMap<string, unknown>,
  profiles: ReadonlyMap<string, Profile>,
  cached: readonly CachedRoleCredential[],
): Map<string, Date> {
  const expiry = new Map<string, Date>();
  if (cached.length === 0) return expiry;
  const identities = cached.map((entry) =>
    entry.expiration === undefined || entry.assumedRoleArn === undefined
      ? undefined
      : assumedRoleIdentity(entry.assumedRoleArn),
  );
  const cachedRoleNames = new Set<string>();
  for (const entry of cached) {
    const name = entry.assumedRoleArn === undefined ? undefined : assumedRoleName(entry.assumedRoleArn);
    if (name !== undefined) cachedRoleNames.add(name);
  }
  const byIdentity = new Map<string, string[]>();
  for (const role of chains.keys()) {
    const roleArn = stringSetting(profiles.get(role)!.settings, 'role_arn') ?? '';
    // A role ARN's identity ends in the text after its last '/': a name no cache file shows cannot match.
    if (!cachedRoleNames.has(roleArn.slice(roleArn.lastIndexOf('/') + 1))) continue;
    const identity = roleIdentity(roleArn);
    if (identity === undefined) continue;
    const known = byIdentity.get(identity);
    if (known === undefined) byIdentity.set(identity, [role]);
    else known.push(role);
  }
  const keys = new Map<string, string | undefined>();
  const keyOf = (role: string): string | undefined => {
    if (!keys.has(role)) keys.set(role, roleCacheKey(profiles.get(role)!.settings));
    return keys.get(role);
  };

  const fallback = new Map<string, Date>();
  cached.forEach((entry, index) => {
    if (entry.expiration === undefined) return;
    const identity = identities[index];
    const candidates = identity === undefined ? [...chains.keys()] : (byIdentity.get(identity) ?? []);
    const keyed = candidates.filter((role) => keyOf(role) === entry.cacheKey);
    for (const role of keyed) expiry.set(role, entry.expiration);
    const [only] = candidates;
    if (keyed.length === 0 && identity !== undefined && candidates.length === 1 && only !== undefined) {
      const known = fallback.get(only);
      if (known === undefined || known < entry.expiration) fallback.set(only, entry.expiration);
    }
  });
  for (const [role, date] of fallback) if (!expiry.has(role)) expiry.set(role, date);
  return expiry;
}

/** Sets an optional property only when there is a value, so absent facts are absent rather than `undefined`. */
function setDefined<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined | ''): void {
  if (value !== undefined && value !== '') target[key] = value as T[K];
}
