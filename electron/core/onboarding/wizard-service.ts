// The onboarding wizard behind the IPC contract: one method per `wizard*` operation, request → response per
// its schema. The long-term keys live only here, in memory, from wizardSetKeys until apply or discard; no
// response carries them, and the review diff masks them.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  invokeContract,
  WizardKeysRequestSchema,
  WizardPlanSchema,
  type InvokeName,
  type RequestOf,
  type ResponseOf,
  type WizardDraft,
  type WizardKeysResult,
  type WizardPreview,
} from '../../shared/contract';
import { ROLE_CHAINING_MAX_SECONDS } from '../../shared/vocabulary';
import { AwsFileError, backupPathFor, writeProfileSettings, type AwsFileLocations } from '../aws-files';
import { IniEditError, IniParseError } from '../ini';
import { loadProfileModel } from '../profiles';
import { SECRET_KEYS } from '../profiles/secrets';
import type { ProfileModel } from '../profiles/types';
import { createIamGateway, createStsGateway } from '../sts';
import type { Clock } from '../time/clock';
import { errorMessage } from '../../shared/error-message';
import { checkKeyFormat, readAccessKeyCsv, type LongTermKeys } from './access-key-csv';
import { maskSecrets } from './mask-secrets';
import { defaultDraft, startFromModel } from './existing-setup';
import { createGitRunner, type GitRunner } from './git-runner';
import { validateKeys, type GatewayFactories } from './key-validation';
import { applyWrites, fileDiffs, previewFingerprint, readBothFiles, type PlannedFiles } from './preview';
import { planProfileWrites, type ProfileWrite } from './profile-writes';
import { setUpRepository, type CliInvocation } from './repository-setup';
import { checkRoles, sessionOf } from './role-check';
import { draftFromTeamFile, parseTeamFile, type TeamFile } from './team-file';

export type WizardOperationName = Extract<InvokeName, `wizard${string}`>;
/** Operations without a request may be called without an argument. */
export type WizardService = {
  [K in WizardOperationName]: (
    ...request: RequestOf<K> extends undefined ? [request?: undefined] : [request: RequestOf<K>]
  ) => Promise<ResponseOf<K>>;
};

export interface WizardServiceDeps {
  locations: AwsFileLocations;
  clock: Clock;
  /** How `git mfa` starts our CLI (see resolveCliInvocation). */
  cli: CliInvocation;
  /** The OS folder picker; undefined when the user cancelled. */
  pickFolder: () => Promise<string | undefined>;
  /** Environment for the AWS SDK (AWS_ENDPOINT_URL_STS etc.); default process.env. */
  env?: NodeJS.ProcessEnv;
  gateways?: Partial<Pick<GatewayFactories, 'sts' | 'iam'>>;
  git?: GitRunner;
  /** Where repositories are cloned from; default CodeCommit's HTTPS URL. Tests use a local bare repository. */
  repositoryUrl?: (region: string, name: string) => string;
}

interface HeldKeys {
  keys: LongTermKeys;
  accountId?: string;
  heldSinceMs: number;
}

/** Keys entered and then left in a wizard nobody finishes are forgotten after this long. */
export const HELD_KEYS_TTL_MS = 30 * 60_000;

export function createWizardService(deps: WizardServiceDeps): WizardService {
  const factories: GatewayFactories = {
    sts: deps.gateways?.sts ?? createStsGateway,
    iam: deps.gateways?.iam ?? createIamGateway,
    env: deps.env ?? process.env,
  };
  const git = deps.git ?? createGitRunner({ env: deps.env });
  const fingerprintKey = randomBytes(32);
  let heldKeys: HeldKeys | undefined;
  const held = (): HeldKeys | undefined => {
    if (heldKeys && deps.clock.now() - heldKeys.heldSinceMs > HELD_KEYS_TTL_MS) heldKeys = undefined;
    return heldKeys;
  };
  let draft: WizardDraft = defaultDraft();
  let existingNames: { source: string; target: string } | undefined;
  let team: TeamFile | undefined;

  const files = { config: deps.locations.config, credentials: deps.locations.credentials };

  async function plan(
    request: RequestOf<'wizardPreview'>,
  ): Promise<
    { planned: PlannedFiles; writes: ProfileWrite[]; model: ProfileModel; warnings: string[] } | WizardPreview
  > {
    const parsed = WizardPlanSchema.parse(request);
    const model = await loadProfileModel(deps.locations);
    const source = model.profiles.get(parsed.sourceProfile);
    const keys = held();
    if (parsed.keys === 'new' && !keys) {
      return refusal('MFA Tray no longer holds the keys you entered: enter them again in the keys step.');
    }
    if (parsed.keys === 'keep' && typeof source?.settings.aws_access_key_id !== 'string') {
      return refusal(`The profile ${parsed.sourceProfile} has no access key yet: enter your keys in the keys step.`);
    }
    const writes = planProfileWrites(parsed, parsed.keys === 'new' ? keys?.keys : undefined, (name) =>
      model.profiles.get(name),
    );
    let planned: PlannedFiles;
    try {
      planned = applyWrites(await readBothFiles(deps.locations), writes, (name) => model.profiles.has(name));
    } catch (error) {
      return refusal(fileErrorMessage(error));
    }
    return { planned, writes, model, warnings: warningsFor(parsed, model, keys) };
  }

  function knownSecrets(model: ProfileModel): string[] {
    const fromFiles = [...model.profiles.values()].flatMap((profile) =>
      Object.entries(profile.settings).flatMap(([key, value]) =>
        SECRET_KEYS.has(key) && typeof value === 'string' ? [value] : [],
      ),
    );
    const keys = held();
    return keys ? [keys.keys.secretAccessKey, ...fromFiles] : fromFiles;
  }

  async function preview(request: RequestOf<'wizardPreview'>): Promise<WizardPreview> {
    const result = await plan(request);
    if ('ok' in result) return result;
    const { planned, model, warnings } = result;
    const changes = planned.actions.filter((action) => action.action !== 'unchanged').length;
    return {
      ok: true,
      message:
        changes === 0
          ? 'Everything is already set up this way: nothing will change.'
          : `${changes} profile${changes === 1 ? '' : 's'} will be created or updated; every other line stays as it is.`,
      files: fileDiffs(planned, deps.locations, knownSecrets(model)),
      profiles: planned.actions,
      warnings,
      previewId: previewFingerprint(fingerprintKey, planned),
    };
  }

  return {
    async wizardStart() {
      heldKeys = undefined;
      team = undefined;
      const start = startFromModel(await loadProfileModel(deps.locations), files);
      draft = start.draft;
      existingNames = start.existing
        ? { source: start.existing.sourceProfile, target: start.existing.targetProfile }
        : undefined;
      return start;
    },

    async wizardImportTeamFile({ text }) {
      const parsed = parseTeamFile(text);
      if (!parsed.ok) return { ok: false, message: parsed.message, problems: parsed.problems };
      team = parsed.team;
      const filled = draftFromTeamFile(parsed.team, draft);
      // Editing an existing pair: keep its profile names, or the team file would make a second pair.
      draft = existingNames
        ? { ...filled, sourceProfile: existingNames.source, targetProfile: existingNames.target }
        : filled;
      const teamNames = parsed.team.session ?? {};
      const kept =
        existingNames &&
        ((teamNames.sourceProfile ?? existingNames.source) !== existingNames.source ||
          (teamNames.targetProfile ?? existingNames.target) !== existingNames.target)
          ? ` Your existing profiles ${existingNames.source} and ${existingNames.target} keep their names.`
          : '';
      return {
        ok: true,
        message: `Imported${parsed.team.team ? ` “${parsed.team.team}”` : ' the team file'}.${kept}`,
        problems: [],
        draft,
        ...(parsed.team.team ? { team: parsed.team.team } : {}),
      };
    },

    async wizardSetKeys(request) {
      const parsed = WizardKeysRequestSchema.safeParse(request);
      if (!parsed.success) return badInput(parsed.error.issues[0]?.message ?? 'These keys are malformed.');
      const input = parsed.data;
      if (input.source === 'existing') {
        const model = await loadProfileModel(deps.locations);
        const settings = model.profiles.get(input.profile)?.settings;
        const id = settings?.aws_access_key_id;
        const secret = settings?.aws_secret_access_key;
        if (typeof id !== 'string' || typeof secret !== 'string') {
          return {
            ok: false,
            kind: 'no-keys',
            message: `The profile ${input.profile} holds no access key pair.`,
            mfaDevices: [],
          };
        }
        if (settings?.aws_session_token !== undefined) {
          return {
            ok: false,
            kind: 'no-keys',
            message: `The profile ${input.profile} holds temporary session keys: enter your IAM user's long-term keys.`,
            mfaDevices: [],
          };
        }
        return withTeamCheck(await validateKeys({ accessKeyId: id, secretAccessKey: secret }, factories, settings));
      }
      const read =
        input.source === 'csv'
          ? readAccessKeyCsv(input.text)
          : checkKeyFormat(input.accessKeyId, input.secretAccessKey);
      if (!read.ok) return badInput(read.message);
      const result = withTeamCheck(await validateKeys(read.keys, factories));
      heldKeys = result.ok
        ? {
            keys: read.keys,
            heldSinceMs: deps.clock.now(),
            ...(result.accountId ? { accountId: result.accountId } : {}),
          }
        : undefined;
      return result;
    },

    async wizardCheckRoles({ targetProfile, roles }) {
      const model = await loadProfileModel(deps.locations);
      return checkRoles(sessionOf(model, targetProfile, deps.clock.now()), roles, factories);
    },

    wizardPreview: preview,

    async wizardApply({ plan: request, previewId }) {
      const result = await plan(request);
      if ('ok' in result) return { ok: false, message: result.message, backups: [] };
      if (previewId && previewFingerprint(fingerprintKey, result.planned) !== previewId) {
        return {
          ok: false,
          message: 'The AWS files changed since the review: look at the changes again before saving.',
          backups: [],
        };
      }
      const written: string[] = [];
      try {
        for (const write of result.writes) {
          await writeProfileSettings(deps.locations, write.profile, write.values);
          written.push(write.profile);
        }
      } catch (error) {
        const done =
          written.length > 0
            ? ` Already saved: ${written.join(', ')}; saving again finishes the rest.`
            : ' Nothing was changed.';
        return { ok: false, message: `${fileErrorMessage(error)}${done}`, backups: existingBackups(deps.locations) };
      }
      if (WizardPlanSchema.parse(request).keys === 'new') heldKeys = undefined;
      return { ok: true, message: `Saved ${written.join(', ')}.`, backups: existingBackups(deps.locations) };
    },

    async wizardPickFolder() {
      const folder = await deps.pickFolder();
      return folder ? { ok: true, folder, message: folder } : { ok: false, message: 'No folder chosen.' };
    },

    async wizardSetUpRepository(request) {
      const input = invokeContract.wizardSetUpRepository.request.parse(request);
      const model = await loadProfileModel(deps.locations);
      const session = sessionOf(model, input.targetProfile, deps.clock.now());
      if (session.state !== 'valid') {
        return {
          ok: false,
          kind: 'needs-session',
          message: `Git signs in through your MFA session, and ${session.message.charAt(0).toLowerCase()}${session.message.slice(1)}`,
        };
      }
      return setUpRepository(input, {
        git,
        cli: deps.cli,
        ...(deps.repositoryUrl ? { repositoryUrl: deps.repositoryUrl } : {}),
      });
    },

    async wizardDiscard() {
      heldKeys = undefined;
      return { ok: true, message: 'The wizard forgot the keys you entered.' };
    },
  };

  function withTeamCheck(result: WizardKeysResult): WizardKeysResult {
    const expected = team?.accounts?.users;
    if (!result.ok || !expected || !result.accountId || result.accountId === expected) return result;
    return { ...result, message: `${result.message} Note: the team file expects your user in account ${expected}.` };
  }
}

function warningsFor(
  plan: ReturnType<typeof WizardPlanSchema.parse>,
  model: ProfileModel,
  held: HeldKeys | undefined,
): string[] {
  const warnings: string[] = [];
  const deviceAccount = /^arn:aws[\w-]*:iam::(\d{12}):mfa\//.exec(plan.mfaSerial)?.[1];
  const keysAccount = held?.accountId ?? model.profiles.get(plan.sourceProfile)?.accountId;
  if (plan.keys === 'new' && deviceAccount && held?.accountId && deviceAccount !== held.accountId) {
    warnings.push(
      `The MFA device is in account ${deviceAccount}, but your keys are in account ${held.accountId}: STS will reject the codes.`,
    );
  } else if (plan.keys === 'keep' && deviceAccount && keysAccount && deviceAccount !== keysAccount) {
    warnings.push(
      `The MFA device is in account ${deviceAccount}, but ${plan.sourceProfile} is in account ${keysAccount}.`,
    );
  }
  for (const role of plan.roles) {
    const settings = model.profiles.get(role.profile)?.settings ?? {};
    const duration = Number(settings.duration_seconds);
    if (Number.isFinite(duration) && duration > ROLE_CHAINING_MAX_SECONDS) {
      warnings.push(
        `${role.profile} asks for duration_seconds = ${duration}, but roles assumed with an MFA session last at most ${ROLE_CHAINING_MAX_SECONDS} s: AWS will refuse it until it is ${ROLE_CHAINING_MAX_SECONDS} or less.`,
      );
    }
    if (!role.region && settings.region === undefined) {
      warnings.push(
        `${role.profile} has no region: AWS tools will need one from the environment (AWS_REGION) or --region.`,
      );
    }
    if (settings.mfa_serial !== undefined)
      warnings.push(
        `${role.profile}'s own mfa_serial is removed: the MFA session already carries MFA, and it would make the AWS CLI ask for a code every hour.`,
      );
  }
  if (plan.keys === 'new' && model.profiles.get(plan.sourceProfile)?.settings.aws_session_token !== undefined) {
    warnings.push(
      `${plan.sourceProfile} holds a session token from earlier keys: it is removed, as it cannot work with the new keys.`,
    );
  }
  return warnings;
}

function refusal(message: string): WizardPreview {
  return { ok: false, message, files: [], profiles: [], warnings: [] };
}

function badInput(message: string): WizardKeysResult {
  return { ok: false, kind: 'bad-input', message, mfaDevices: [] };
}

function fileErrorMessage(error: unknown): string {
  return maskSecrets(describeFileError(error));
}

function describeFileError(error: unknown): string {
  if (error instanceof AwsFileError) {
    const first = error.problems[0];
    return first
      ? `${first.file}${first.line > 0 ? ` line ${first.line}` : ''}: ${first.message}. MFA Tray never rewrites a file it cannot read safely; fix it and try again.`
      : error.message;
  }
  if (error instanceof IniParseError)
    return `An AWS file cannot be read: ${error.problems.map((problem) => `line ${problem.line}: ${problem.message}`).join('; ')}.`;
  if (error instanceof IniEditError) return `This change cannot be written safely: ${error.message}.`;
  return errorMessage(error);
}

function existingBackups(locations: AwsFileLocations): string[] {
  return [locations.config, locations.credentials].map(backupPathFor).filter((path) => existsSync(path));
}
