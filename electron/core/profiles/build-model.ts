// The profile model from already-parsed files: pure, so the CLI, the app and the tests see the same thing.
import type { LoadedConfig } from '../ini';
import { accountIdFromArn, assumedRoleIdentity, roleIdentity } from './arn';
import { classifyProfile, hasStaticCredentials, stringSetting } from './classify';
import { parseExpiration } from './expiration';
import { DURATION_KEY, pairMfaSessions, type Pairing } from './mfa-pairing';
import { resolveRoleChain } from './role-chains';
import { roleCacheKey } from './role-cache-key';
import type {
  CachedRoleCredential,
  FileProblem,
  FileRole,
  MfaSession,
  Profile,
  ProfileModel,
  RoleProfile,
  SettingValue,
} from './types';

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

/** GetSessionToken's DurationSeconds range for IAM users. */
const SESSION_DURATION_RANGE = { min: 900, max: 129_600 };

export function buildProfileModel(input: ProfileModelInput): ProfileModel {
  const modelProblems: string[] = [];
  const merged = mergeProfiles(input.config.profiles, input.credentials);
  const settingsOf = (name: string): Section | undefined => merged.get(name)?.settings;

  const chains = new Map([...merged].filter(([, p]) => p.kind === 'role').map(([name]) => [name, resolveRoleChain(name, settingsOf)]));
  const roleSources = new Set<string>();
  const pendingRoleSources = new Set<string>();
  for (const [role, chain] of chains) {
    const source = stringSetting(merged.get(role)!.settings, 'source_profile');
    if (source !== undefined) roleSources.add(source);
    const bottom = chain.chain.at(-1)!;
    if (bottom !== role && holdsNoCredentials(merged.get(bottom))) pendingRoleSources.add(bottom);
  }

  const pairing = pairMfaSessions({ profiles: merged, configSections: input.config.profiles, pendingRoleSources, roleSources });
  modelProblems.push(...pairing.problems);
  for (const { target } of pairing.pairs) {
    const profile = merged.get(target);
    if (profile?.kind === 'other') profile.kind = 'mfa-session';
  }
  const mfaSessions = pairing.pairs.map((pair) => describeSession(pair, merged, modelProblems));
  const sessionByTarget = new Map(mfaSessions.map((s) => [s.target, s]));

  const cachedExpiry = matchCachedRoles(chains, merged, input.cachedRoles);
  const roles: RoleProfile[] = [...chains].map(([name, { chain, credentialsProfile, error }]) => {
    const settings = merged.get(name)!.settings;
    const roleArn = stringSetting(settings, 'role_arn')!;
    const bottom = chain.at(-1)!;
    const session = bottom === name ? undefined : sessionByTarget.get(bottom);
    const chainError =
      error ??
      (credentialsProfile !== undefined && credentialsProfile !== name && holdsNoCredentials(merged.get(credentialsProfile))
        ? `source profile "${credentialsProfile}" has no credentials${session ? ' (its MFA session has not been renewed yet)' : ''}`
        : undefined);
    const role: RoleProfile = { profile: name, roleArn, chain };
    assignDefined(role, {
      accountId: accountIdFromArn(roleArn),
      region: stringSetting(settings, 'region'),
      mfaSessionTarget: session?.target,
      mfaSerial: chain.map((p) => stringSetting(settingsOf(p) ?? {}, 'mfa_serial')).find(Boolean) ?? session?.device,
      cachedExpiration: cachedExpiry.get(name),
      chainError,
    });
    return role;
  });

  const roleByProfile = new Map(roles.map((r) => [r.profile, r]));
  const profiles = new Map<string, Profile>();
  for (const [name, { kind, settings, origin }] of merged) {
    const session = sessionByTarget.get(name);
    const role = roleByProfile.get(name);
    const ownSerial = stringSetting(settings, 'mfa_serial');
    const profile: Profile = { name, kind, settings, origin };
    assignDefined(profile, {
      accountId:
        role?.accountId ||
        (ownSerial && accountIdFromArn(ownSerial)) ||
        stringSetting(settings, 'aws_account_id') ||
        session?.accountId,
      mfaSerial: role?.mfaSerial ?? ownSerial ?? session?.device,
    });
    profiles.set(name, profile);
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

interface MergedProfile {
  kind: Profile['kind'];
  settings: Section;
  origin: Record<string, FileRole>;
}

/** Session.full_config: config profiles, then each credentials section updates (or adds) the profile of its name. */
function mergeProfiles(config: Readonly<Record<string, Section>>, credentials: Readonly<Record<string, Section>>): Map<string, MergedProfile> {
  const merged = new Map<string, MergedProfile>();
  const names = new Set([...Object.keys(config), ...Object.keys(credentials)]);
  for (const name of names) {
    const entries = new Map<string, SettingValue>();
    const origin: Record<string, FileRole> = {};
    for (const [role, section] of [['config', config[name]], ['credentials', credentials[name]]] as const) {
      for (const [key, value] of Object.entries(section ?? {})) {
        entries.set(key, value);
        origin[key] = role;
      }
    }
    // fromEntries defines own properties, so even a key named __proto__ stays a plain setting.
    const settings = Object.fromEntries(entries);
    merged.set(name, { kind: classifyProfile(settings, origin), settings, origin: Object.fromEntries(Object.entries(origin)) });
  }
  return merged;
}

function holdsNoCredentials(profile: MergedProfile | undefined): boolean {
  return profile === undefined || ((profile.kind === 'other' || profile.kind === 'mfa-session') && !hasStaticCredentials(profile.settings));
}

function describeSession(pair: Pairing, merged: ReadonlyMap<string, MergedProfile>, problems: string[]): MfaSession {
  const source = merged.get(pair.source)!.settings;
  const target = merged.get(pair.target)?.settings ?? {};
  const device = stringSetting(source, 'mfa_serial') ?? stringSetting(source, 'aws_mfa_device');
  const session: MfaSession = { source: pair.source, target: pair.target, pairedBy: pair.pairedBy };

  const durationText = stringSetting(source, DURATION_KEY);
  let durationSeconds: number | undefined;
  if (durationText !== undefined) {
    const value = /^\d+$/.test(durationText) ? Number(durationText) : NaN;
    if (value >= SESSION_DURATION_RANGE.min && value <= SESSION_DURATION_RANGE.max) durationSeconds = value;
    else {
      problems.push(
        `${DURATION_KEY} of profile "${pair.source}" is "${durationText}": expected whole seconds from ` +
          `${SESSION_DURATION_RANGE.min} to ${SESSION_DURATION_RANGE.max}`,
      );
    }
  }

  const expirationText = stringSetting(target, 'expiration');
  const expiration = expirationText === undefined ? undefined : parseExpiration(expirationText);
  if (expirationText !== undefined && expiration === undefined) {
    problems.push(
      `expiration of profile "${pair.target}" is "${expirationText}": expected an ISO-8601 time ` +
        `(2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS in UTC`,
    );
  }

  assignDefined(session, {
    device,
    durationSeconds,
    expiration,
    unparsedExpiration: expiration === undefined ? expirationText : undefined,
    accountId: (device && accountIdFromArn(device)) || stringSetting(source, 'aws_account_id'),
  });
  return session;
}

/**
 * Cached role credentials per role profile: first by botocore's own cache key (what the AWS CLI will reuse);
 * a file no key explains counts for a role whose account and role name its AssumedRoleUser shows, if only one
 * role profile has them.
 */
function matchCachedRoles(
  chains: ReadonlyMap<string, unknown>,
  merged: ReadonlyMap<string, MergedProfile>,
  cached: readonly CachedRoleCredential[],
): Map<string, Date> {
  const byKey = new Map<string, string[]>();
  const byIdentity = new Map<string, string[]>();
  for (const role of chains.keys()) {
    const settings = merged.get(role)!.settings;
    const key = roleCacheKey(settings);
    if (key !== undefined) byKey.set(key, [...(byKey.get(key) ?? []), role]);
    const identity = roleIdentity(stringSetting(settings, 'role_arn') ?? '');
    if (identity !== undefined) byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), role]);
  }

  const expiry = new Map<string, Date>();
  const fallback = new Map<string, Date>();
  for (const entry of cached) {
    if (entry.expiration === undefined) continue;
    const keyed = byKey.get(entry.cacheKey);
    if (keyed) {
      for (const role of keyed) expiry.set(role, entry.expiration);
      continue;
    }
    const identity = entry.assumedRoleArn === undefined ? undefined : assumedRoleIdentity(entry.assumedRoleArn);
    const candidates = identity === undefined ? [] : (byIdentity.get(identity) ?? []);
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) {
      const known = fallback.get(only);
      if (known === undefined || known < entry.expiration) fallback.set(only, entry.expiration);
    }
  }
  for (const [role, date] of fallback) if (!expiry.has(role)) expiry.set(role, date);
  return expiry;
}

/** Copies only the defined values, so optional properties are absent rather than `undefined`. */
function assignDefined<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined | '' }): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') (target as Record<string, unknown>)[key] = value;
  }
}
