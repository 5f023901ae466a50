// The team file: what an administrator hands every contributor so the wizard's fields arrive filled in
// (docs/team-file.md). It holds names and IDs only: a file that carries keys is refused, not read.
import * as z from 'zod';
import { WizardLayoutSchema, type WizardDraft } from '../../shared/contract';
import { errorMessage } from '../../shared/error-message';
import {
  DEFAULT_MAX_MFA_AGE_SECONDS,
  DEFAULT_SOURCE_PROFILE,
  DEFAULT_TARGET_PROFILE,
  ProfileNameSchema,
  RegionSchema,
  RepositoryNameSchema,
  RoleArnSchema,
  SessionDurationSchema,
} from '../../shared/vocabulary';

export const TEAM_FILE_FORMAT = 'mfa-tray-team-file';
export const TEAM_FILE_VERSION = 1;
/** A team file is a few hundred bytes; anything this large is the wrong file. */
export const TEAM_FILE_MAX_BYTES = 64 * 1024;

const accountId = z.string().regex(/^\d{12}$/, 'An AWS account ID has exactly 12 digits (as a string, in quotes)');

const TeamRoleSchema = z.strictObject({
  profile: ProfileNameSchema,
  roleArn: RoleArnSchema,
  region: RegionSchema.optional(),
});

const TeamRepositorySchema = z.strictObject({
  name: RepositoryNameSchema,
  region: RegionSchema.optional(),
  /** The role profile git signs with; defaults to the first role. */
  roleProfile: ProfileNameSchema.optional(),
});

export const TeamFileSchema = z
  .strictObject({
    format: z.literal(TEAM_FILE_FORMAT, `The first key must be "format": "${TEAM_FILE_FORMAT}"`),
    version: z.literal(TEAM_FILE_VERSION, `This MFA Tray reads team files of version ${TEAM_FILE_VERSION}`),
    team: z.string().trim().min(1).max(200).optional(),
    /** `mfa-on-role`: mfa_serial on each role profile, no session profile (see docs/team-file.md). */
    layout: WizardLayoutSchema.optional(),
    region: RegionSchema.optional(),
    accounts: z
      .strictObject({
        users: accountId.optional(),
        repositories: accountId.optional(),
      })
      .optional(),
    session: z
      .strictObject({
        durationSeconds: SessionDurationSchema.optional(),
        maxMfaAgeSeconds: SessionDurationSchema.optional(),
        sourceProfile: ProfileNameSchema.optional(),
        targetProfile: ProfileNameSchema.optional(),
      })
      .optional(),
    roles: z.array(TeamRoleSchema).max(50).optional(),
    repositories: z.array(TeamRepositorySchema).max(50).optional(),
  })
  .superRefine((team, context) => {
    const session = team.session ?? {};
    const maxAge = session.maxMfaAgeSeconds ?? DEFAULT_MAX_MFA_AGE_SECONDS;
    if (session.durationSeconds !== undefined && session.durationSeconds > maxAge) {
      context.addIssue({
        code: 'custom',
        path: ['session', 'durationSeconds'],
        message: `${session.durationSeconds} s is longer than the ${maxAge} s aws:MultiFactorAuthAge limit: sessions would outlive role access`,
      });
    }
    const source = session.sourceProfile ?? DEFAULT_SOURCE_PROFILE;
    const target = session.targetProfile ?? DEFAULT_TARGET_PROFILE;
    if (source === target) {
      context.addIssue({
        code: 'custom',
        path: ['session', 'targetProfile'],
        message: 'sourceProfile and targetProfile must differ',
      });
    }
    const roles = team.roles ?? [];
    const names = new Set([source, target]);
    const allowedAccounts = [team.accounts?.repositories, team.accounts?.users].filter(
      (id): id is string => id !== undefined,
    );
    roles.forEach((role, index) => {
      if (names.has(role.profile)) {
        context.addIssue({
          code: 'custom',
          path: ['roles', index, 'profile'],
          message: `The profile name ${role.profile} is used twice`,
        });
      }
      names.add(role.profile);
      const roleAccount = role.roleArn.split(':')[4];
      if (allowedAccounts.length > 0 && roleAccount !== undefined && !allowedAccounts.includes(roleAccount)) {
        context.addIssue({
          code: 'custom',
          path: ['roles', index, 'roleArn'],
          message: `The role is in account ${roleAccount}, which is not one of the accounts listed under "accounts" (${allowedAccounts.join(', ')})`,
        });
      }
      if (!role.region && !team.region) {
        context.addIssue({
          code: 'custom',
          path: ['roles', index, 'region'],
          message: 'Give the role a region, or a top-level "region"',
        });
      }
    });
    (team.repositories ?? []).forEach((repository, index) => {
      if (!repository.region && !team.region) {
        context.addIssue({
          code: 'custom',
          path: ['repositories', index, 'region'],
          message: 'Give the repository a region, or a top-level "region"',
        });
      }
      if (roles.length === 0) {
        context.addIssue({
          code: 'custom',
          path: ['repositories', index],
          message: 'A repository needs a role to sign with: add "roles"',
        });
      } else if (repository.roleProfile && !roles.some((role) => role.profile === repository.roleProfile)) {
        context.addIssue({
          code: 'custom',
          path: ['repositories', index, 'roleProfile'],
          message: `${repository.roleProfile} is not one of the roles' profile names (${roles.map((role) => role.profile).join(', ')})`,
        });
      }
    });
  });
export type TeamFile = z.infer<typeof TeamFileSchema>;

export interface TeamFileProblem {
  /** Where: `roles[0].roleArn`, `line 3 column 7`, or `(file)`. */
  path: string;
  message: string;
}

export type TeamFileParse = { ok: true; team: TeamFile } | { ok: false; message: string; problems: TeamFileProblem[] };

/** Key names that mean someone put credentials in the file. */
const SECRET_KEY_PATTERN = /secret|session_?token|password|aws_access_key_id|accesskeyid/i;

export function parseTeamFile(text: string): TeamFileParse {
  if (Buffer.byteLength(text, 'utf8') > TEAM_FILE_MAX_BYTES) {
    return failure('This file is too large to be a team file.', [
      { path: '(file)', message: `A team file is at most ${TEAM_FILE_MAX_BYTES / 1024} KiB` },
    ]);
  }
  const body = text.replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    return failure('The team file is not valid JSON.', [
      { path: jsonErrorPlace(body, error), message: jsonErrorText(error) },
    ]);
  }
  const secretPath = findSecretKey(json, '');
  if (secretPath !== undefined) {
    return failure(
      'This file holds credentials: a team file never does. Ask your administrator for the team file, and keep keys out of shared files.',
      [{ path: secretPath, message: 'Credentials do not belong in a team file' }],
    );
  }
  const parsed = TeamFileSchema.safeParse(json, { reportInput: true });
  if (parsed.success) return { ok: true, team: parsed.data };
  const problems = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) }));
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  return failure(`The team file has ${count}; nothing was imported.`, problems);
}

/** The wizard's starting values from a team file: its values over the scenario's defaults. */
export function draftFromTeamFile(team: TeamFile, base: WizardDraft): WizardDraft {
  const session = team.session ?? {};
  const roles = (team.roles ?? []).map((role) => ({
    profile: role.profile,
    roleArn: role.roleArn,
    region: role.region ?? team.region,
  }));
  const firstRole = roles[0]?.profile;
  const repositories = (team.repositories ?? []).map((repository) => ({
    name: repository.name,
    region: repository.region ?? team.region ?? '',
    roleProfile: repository.roleProfile ?? firstRole ?? '',
  }));
  return {
    ...base,
    layout: team.layout ?? base.layout,
    sourceProfile: session.sourceProfile ?? base.sourceProfile,
    targetProfile: session.targetProfile ?? base.targetProfile,
    durationSeconds: session.durationSeconds ?? base.durationSeconds,
    maxMfaAgeSeconds: session.maxMfaAgeSeconds ?? base.maxMfaAgeSeconds,
    region: team.region ?? base.region,
    roles: roles.length > 0 ? roles : base.roles,
    repositories: repositories.length > 0 ? repositories : base.repositories,
  };
}

function failure(message: string, problems: TeamFileProblem[]): TeamFileParse {
  return { ok: false, message, problems };
}

function findSecretKey(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSecretKey(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (SECRET_KEY_PATTERN.test(key)) return here;
      const found = findSecretKey(item, here);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)),
    '',
  );
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `Unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} (see docs/team-file.md for the keys a team file may have)`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'This key is required';
  if (issue.code === 'invalid_type') return `Expected ${issue.expected}, found ${describe(issue.input)}`;
  return issue.message;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Node reports JSON errors by character position; people look for a line and column. */
function jsonErrorPlace(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(errorMessage(error));
  if (!match) return '(file)';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line} column ${column}`;
}

function jsonErrorText(error: unknown): string {
  const text = errorMessage(error);
  return text
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'The file ends before the JSON does');
}
