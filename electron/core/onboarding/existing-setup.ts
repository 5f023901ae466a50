// Re-running the wizard edits what is there: the MFA pair already in the files (explicitly paired first,
// then the scenario's names) supplies the profile names, device, duration and roles the fields start with.
import type { WizardDraft, WizardStart } from '../../shared/contract';
import { DEFAULT_MAX_MFA_AGE_SECONDS, DEFAULT_SOURCE_PROFILE, DEFAULT_TARGET_PROFILE } from '../../shared/vocabulary';
import { DURATION_KEY } from '../profiles/mfa-pairing';
import type { MfaSession, ProfileModel } from '../profiles/types';
import { maskSecrets } from './mask-secrets';

const PAIRING_PREFERENCE: readonly MfaSession['pairedBy'][] = [
  'explicit',
  'scenario',
  'source-profile-mfa',
  'aws-mfa-long-term',
];

export function defaultDraft(): WizardDraft {
  return {
    layout: 'session-chain',
    sourceProfile: DEFAULT_SOURCE_PROFILE,
    targetProfile: DEFAULT_TARGET_PROFILE,
    durationSeconds: DEFAULT_MAX_MFA_AGE_SECONDS,
    maxMfaAgeSeconds: DEFAULT_MAX_MFA_AGE_SECONDS,
    roles: [],
    repositories: [],
  };
}

/**
 * The MFA pair the wizard edits, when the files already hold one. A scenario-named source the profile model
 * could not pair (say, a stray session token in it) is still the setup to repair, not one to duplicate.
 */
function existingPair(model: ProfileModel): MfaSession | undefined {
  const ranked = [...model.mfaSessions].sort((a, b) => rank(a) - rank(b));
  if (ranked[0]) return ranked[0];
  const source = model.profiles.get(DEFAULT_SOURCE_PROFILE);
  if (!source) return undefined;
  const device = source.settings.mfa_serial;
  const duration = Number(source.settings[DURATION_KEY]);
  return {
    source: DEFAULT_SOURCE_PROFILE,
    target: DEFAULT_TARGET_PROFILE,
    pairedBy: 'scenario',
    ...(typeof device === 'string' ? { device } : {}),
    ...(Number.isInteger(duration) ? { durationSeconds: duration } : {}),
  };
}

function rank(session: MfaSession): number {
  const byPairing = PAIRING_PREFERENCE.indexOf(session.pairedBy);
  const scenarioNames = session.source === DEFAULT_SOURCE_PROFILE && session.target === DEFAULT_TARGET_PROFILE ? 0 : 1;
  return byPairing * 2 + scenarioNames;
}

export function startFromModel(model: ProfileModel, files: WizardStart['files']): WizardStart {
  const draft = defaultDraft();
  const problems = model.problems.map(({ file, fileRole, line, message }) => ({
    file,
    fileRole,
    line,
    message: maskSecrets(message),
  }));
  const pair = existingPair(model);
  if (!pair) return { draft, files, problems };
  const roles = model.roles
    .filter((role) => role.mfaSessionTarget === pair.target && role.chain[1] === pair.target)
    .map((role) => ({ profile: role.profile, roleArn: role.roleArn, ...(role.region ? { region: role.region } : {}) }));
  const accessKeyId = model.profiles.get(pair.source)?.settings.aws_access_key_id;
  return {
    draft: {
      ...draft,
      sourceProfile: pair.source,
      targetProfile: pair.target,
      ...(pair.device ? { mfaSerial: pair.device } : {}),
      durationSeconds: pair.durationSeconds ?? draft.durationSeconds,
      roles,
      region: roles.find((role) => role.region)?.region,
    },
    existing: {
      sourceProfile: pair.source,
      targetProfile: pair.target,
      ...(typeof accessKeyId === 'string' ? { accessKeyId } : {}),
      ...(pair.expiration ? { sessionExpiration: pair.expiration.toISOString() } : {}),
    },
    files,
    problems,
  };
}
