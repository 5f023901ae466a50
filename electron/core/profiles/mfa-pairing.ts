// Which long-term profile renews which MFA session profile.
// Rules, strongest first; a profile taken by one rule is not offered to the next:
//  1. explicit: PAIRING_KEY in the session profile's config section (written by MFA Tray's onboarding, or by hand);
//  2. source-profile-mfa: a non-role session profile whose source_profile names a long-term profile with
//     mfa_serial (botocore ignores source_profile without role_arn, so this is a safe place to say it);
//  3. aws-mfa-long-term: `NAME-long-term` holds the keys, `NAME` receives the session;
//  4. scenario: `FetchMfaCredentials` → `MyRepositoryAssumer` without any extra key. A source is a long-term
//     profile with mfa_serial (get_session_token_duration_seconds, the renewal script's own key, marks it even
//     more clearly); a target is a profile the renewal writes to: it has `expiration`, or a role uses it as
//     source_profile while it holds no long-term keys. They pair only when each is the other's only candidate;
//     two candidates are reported, never guessed between.
import { accountIdFromArn } from './arn';
import { hasSetting, stringSetting } from './classify';
import type { MfaSession, ProfileKind, SettingValue } from './types';

export const PAIRING_KEY = 'mfa_tray_source_profile';

export const DURATION_KEY = 'get_session_token_duration_seconds';

export interface PairingProfile {
  kind: ProfileKind;
  settings: Readonly<Record<string, SettingValue>>;
}

export interface PairingInput {
  profiles: ReadonlyMap<string, PairingProfile>;
  /** The config file's own section per profile (each also in `profiles`): the explicit pairing key counts only there. */
  configSections: Readonly<Record<string, Readonly<Record<string, SettingValue>>>>;
  /** source_profile names that roles' chains end in without credentials (missing or key-less profiles). */
  pendingRoleSources: ReadonlySet<string>;
  /** source_profile names used by any role. */
  roleSources: ReadonlySet<string>;
}

export interface Pairing {
  source: string;
  target: string;
  pairedBy: MfaSession['pairedBy'];
}

export interface PairingResult {
  pairs: Pairing[];
  /** Human-readable reasons a session could not be paired (bad explicit key, ambiguity). */
  problems: string[];
}

const RECEIVING_KINDS: ReadonlySet<ProfileKind> = new Set(['mfa-session', 'other']);

export function pairMfaSessions(input: PairingInput): PairingResult {
  const pairs: Pairing[] = [];
  const problems: string[] = [];
  const takenTargets = new Set<string>();
  const takenSources = new Set<string>();
  const take = (pair: Pairing): void => {
    pairs.push(pair);
    takenTargets.add(pair.target);
    takenSources.add(pair.source);
  };
  const isLongTerm = (name: string): boolean => input.profiles.get(name)?.kind === 'long-term';
  // A target may be missing (renewal creates it) or hold only a session / nothing yet.
  const canReceive = (name: string): boolean => {
    const profile = input.profiles.get(name);
    return profile === undefined || RECEIVING_KINDS.has(profile.kind);
  };

  // Every config section is a profile of the model, in the same order; walking the model spares listing the
  // keys of a big record (which costs more than linear).
  for (const target of input.profiles.keys()) {
    if (!Object.hasOwn(input.configSections, target)) continue;
    const source = stringSetting(input.configSections[target]!, PAIRING_KEY);
    if (source === undefined) continue;
    const problem =
      source === target
        ? `${PAIRING_KEY} of profile "${target}" names the profile itself`
        : !input.profiles.has(source)
          ? `${PAIRING_KEY} of profile "${target}" names "${source}", which does not exist`
          : !isLongTerm(source)
            ? `${PAIRING_KEY} of profile "${target}" names "${source}", which holds no long-term access key`
            : !canReceive(target)
              ? `profile "${target}" has ${PAIRING_KEY} but is a ${input.profiles.get(target)?.kind} profile, not one an MFA session can be written to`
              : undefined;
    if (problem) problems.push(problem);
    else take({ source, target, pairedBy: 'explicit' });
  }

  // forEach rather than for-of over entries: no [name, profile] array per profile.
  input.profiles.forEach((profile, target) => {
    const source = stringSetting(profile.settings, 'source_profile');
    if (takenTargets.has(target) || source === undefined || source === target) return;
    const sourceHasDevice = hasSetting(input.profiles.get(source)?.settings ?? {}, 'mfa_serial');
    if (RECEIVING_KINDS.has(profile.kind) && isLongTerm(source) && sourceHasDevice)
      take({ source, target, pairedBy: 'source-profile-mfa' });
  });

  for (const source of input.profiles.keys()) {
    const target = source.endsWith('-long-term') ? source.slice(0, -'-long-term'.length) : '';
    if (!target || takenTargets.has(target) || takenSources.has(source) || !isLongTerm(source)) continue;
    if (canReceive(target)) take({ source, target, pairedBy: 'aws-mfa-long-term' });
  }

  inferScenarioPairs(input, takenSources, takenTargets, take, problems);
  return { pairs, problems };
}

function inferScenarioPairs(
  input: PairingInput,
  takenSources: ReadonlySet<string>,
  takenTargets: ReadonlySet<string>,
  take: (pair: Pairing) => void,
  problems: string[],
): void {
  const sources: string[] = [];
  const targetNames = new Set<string>();
  input.profiles.forEach((p, name) => {
    if (p.kind === 'long-term' && !takenSources.has(name) && hasSetting(p.settings, 'mfa_serial')) sources.push(name);
    else if (p.kind === 'mfa-session' && (hasSetting(p.settings, 'expiration') || input.roleSources.has(name)))
      targetNames.add(name);
  });
  for (const name of input.pendingRoleSources) targetNames.add(name);
  const targets = [...targetNames].filter((name) => !takenTargets.has(name));
  if (sources.length === 0 || targets.length === 0) return;

  const sourceAccount = (name: string): string | undefined => {
    const settings = input.profiles.get(name)?.settings ?? {};
    const serial = stringSetting(settings, 'mfa_serial');
    return (serial && accountIdFromArn(serial)) || stringSetting(settings, 'aws_account_id');
  };
  const targetAccount = (name: string): string | undefined =>
    stringSetting(input.profiles.get(name)?.settings ?? {}, 'aws_account_id');
  const compatible = (source: string, target: string): boolean => {
    const [a, b] = [sourceAccount(source), targetAccount(target)];
    return a === undefined || b === undefined || a === b;
  };
  // Narrow by the scenario's markers only when a marker picks out some of the candidates.
  const preferring = <T>(items: T[], marked: (item: T) => boolean): T[] => {
    const chosen = items.filter(marked);
    return chosen.length > 0 ? chosen : items;
  };
  const sourcesFor = new Map(
    targets.map((t) => [
      t,
      preferring(
        sources.filter((s) => compatible(s, t)),
        (s) => hasSetting(input.profiles.get(s)!.settings, DURATION_KEY),
      ),
    ]),
  );
  const targetsFor = new Map(
    sources.map((s) => [
      s,
      preferring(
        targets.filter((t) => sourcesFor.get(t)!.includes(s)),
        (t) => input.roleSources.has(t),
      ),
    ]),
  );

  const reportedSources = new Set<string>();
  for (const target of targets) {
    const candidates = sourcesFor.get(target)!;
    if (candidates.length > 1) {
      problems.push(
        `cannot tell which profile renews MFA session "${target}": ${candidates.map((c) => `"${c}"`).join(' or ')}; ` +
          `set ${PAIRING_KEY} = NAME in [${target === 'default' ? 'default' : `profile ${target}`}] of the config file`,
      );
      continue;
    }
    const [source] = candidates;
    if (source === undefined) continue;
    const rivals = targetsFor.get(source)!;
    if (rivals.length === 1 && rivals[0] === target) take({ source, target, pairedBy: 'scenario' });
    else if (rivals.length > 1 && rivals.includes(target) && !reportedSources.has(source)) {
      reportedSources.add(source);
      problems.push(
        `cannot tell which MFA session profile "${source}" renews: ${rivals.map((r) => `"${r}"`).join(' or ')}; ` +
          `set ${PAIRING_KEY} = ${source} in the config section of the right one`,
      );
    }
  }
}
