// The onboarding wizard (electron/core/onboarding): its start, team file, keys, plan, review diff, role check and
// repository steps. The vocabulary's field schemas double as the renderer's as-you-type checks.
import * as z from 'zod';
import {
  AccessKeyIdSchema,
  DEFAULT_MAX_MFA_AGE_SECONDS,
  MfaSerialSchema,
  ProfileNameSchema,
  RegionSchema,
  RepositoryNameSchema,
  RoleArnSchema,
  SecretAccessKeySchema,
  SESSION_DURATION,
  SessionDurationSchema,
} from '../vocabulary';
import { FileProblemViewSchema } from './dashboard';
import { IsoTimeSchema } from './iso-time';

export const WizardRoleSchema = z.object({
  profile: ProfileNameSchema,
  roleArn: RoleArnSchema,
  region: RegionSchema.optional(),
});
export type WizardRole = z.infer<typeof WizardRoleSchema>;

/** Everything the wizard writes except the keys, which main holds since `wizardSetKeys`. */
/**
 * Which MFA layout the wizard writes: `session-chain` (an MFA session profile renewed with GetSessionToken, roles
 * chained from it) or `mfa-on-role` (AWS's documented layout: mfa_serial on each role, signed by the long-term keys).
 */
export const WizardLayoutSchema = z.enum(['session-chain', 'mfa-on-role']);
export type WizardLayout = z.infer<typeof WizardLayoutSchema>;

export const WizardPlanSchema = z
  .object({
    layout: WizardLayoutSchema.default('session-chain'),
    sourceProfile: ProfileNameSchema,
    targetProfile: ProfileNameSchema,
    mfaSerial: MfaSerialSchema,
    durationSeconds: SessionDurationSchema,
    /** The assume policy's aws:MultiFactorAuthAge limit; the session must not outlive it. */
    maxMfaAgeSeconds: z
      .number()
      .int()
      .min(SESSION_DURATION.min)
      .max(SESSION_DURATION.max)
      .default(DEFAULT_MAX_MFA_AGE_SECONDS),
    /** 'new': the keys main accepted in the last `wizardSetKeys`; 'keep': the source profile's current keys. */
    keys: z.enum(['new', 'keep']),
    roles: z.array(WizardRoleSchema).max(50),
  })
  .superRefine((plan, context) => {
    if (plan.durationSeconds > plan.maxMfaAgeSeconds) {
      context.addIssue({
        code: 'custom',
        path: ['durationSeconds'],
        message: `Your team's policy accepts an MFA sign-in for ${plan.maxMfaAgeSeconds} s (aws:MultiFactorAuthAge): a longer session would still look valid while role access is refused, so choose at most ${plan.maxMfaAgeSeconds} s`,
      });
    }
    if (plan.sourceProfile === plan.targetProfile) {
      context.addIssue({
        code: 'custom',
        path: ['targetProfile'],
        message: 'The session profile needs its own name: it cannot be the profile that holds your long-term keys',
      });
    }
    const seen = new Set([plan.sourceProfile, plan.targetProfile]);
    plan.roles.forEach((role, index) => {
      if (seen.has(role.profile)) {
        context.addIssue({
          code: 'custom',
          path: ['roles', index, 'profile'],
          message: `The profile name ${role.profile} is already used above: each role needs its own profile`,
        });
      }
      seen.add(role.profile);
    });
  });
export type WizardPlan = z.input<typeof WizardPlanSchema>;

/**
 * Who answers git for CodeCommit: `mfa-tray` (ours, the default: `mfa-tray git-credential ROLE`, no Python) or
 * `aws-cli` (the blog's `aws codecommit --profile ROLE credential-helper $@`, after our session helper).
 */
export const GitCredentialHelperSchema = z.enum(['mfa-tray', 'aws-cli']);
export type GitCredentialHelperChoice = z.infer<typeof GitCredentialHelperSchema>;

export const WizardRepositorySchema = z.object({
  name: RepositoryNameSchema,
  region: RegionSchema,
  /** The role profile the CodeCommit credential helper signs with. */
  roleProfile: ProfileNameSchema,
  credentialHelper: GitCredentialHelperSchema.default('mfa-tray'),
});
export type WizardRepository = z.infer<typeof WizardRepositorySchema>;

/** What the wizard's fields start with: the existing setup, else the team file, else the scenario's defaults. */
export const WizardDraftSchema = z.object({
  layout: WizardLayoutSchema,
  sourceProfile: z.string(),
  targetProfile: z.string(),
  mfaSerial: z.string().optional(),
  durationSeconds: z.number().int(),
  maxMfaAgeSeconds: z.number().int(),
  region: z.string().optional(),
  roles: z.array(z.object({ profile: z.string(), roleArn: z.string(), region: z.string().optional() })),
  repositories: z.array(z.object({ name: z.string(), region: z.string(), roleProfile: z.string() })),
});
export type WizardDraft = z.infer<typeof WizardDraftSchema>;

export const WizardStartSchema = z.object({
  draft: WizardDraftSchema,
  /** Present when an MFA pair already exists: the wizard then edits it instead of adding profiles. */
  existing: z
    .object({
      sourceProfile: z.string(),
      targetProfile: z.string(),
      /** The access key ID in the source profile (an ID, not a secret), when it has keys. */
      accessKeyId: z.string().optional(),
      sessionExpiration: IsoTimeSchema.optional(),
    })
    .optional(),
  files: z.object({ config: z.string(), credentials: z.string() }),
  /** Problems in the AWS files the wizard cannot write around (a broken file is never rewritten). */
  problems: z.array(FileProblemViewSchema),
});
export type WizardStart = z.infer<typeof WizardStartSchema>;

export const TeamFileProblemSchema = z.object({ path: z.string(), message: z.string() });

export const WizardTeamFileResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Where each problem is (`roles[0].roleArn`, `line 3 column 7`) and what is wrong. */
  problems: z.array(TeamFileProblemSchema),
  /** The draft with the team file's values filled in (only when ok). */
  draft: WizardDraftSchema.optional(),
  team: z.string().optional(),
});
export type WizardTeamFileResult = z.infer<typeof WizardTeamFileResultSchema>;

export const WizardKeysRequestSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('typed'), accessKeyId: AccessKeyIdSchema, secretAccessKey: SecretAccessKeySchema }),
  /** The access-key CSV file the IAM console downloads, as text. */
  z.object({
    source: z.literal('csv'),
    text: z.string().max(64 * 1024, 'That file is too large to be an access-key CSV'),
  }),
  /** Re-validate the keys already in this profile (editing an existing setup). */
  z.object({ source: z.literal('existing'), profile: ProfileNameSchema }),
]);
export type WizardKeysRequest = z.input<typeof WizardKeysRequestSchema>;

export const WizardKeysResultSchema = z.object({
  ok: z.boolean(),
  kind: z.enum(['valid', 'bad-input', 'no-keys', 'not-an-iam-user', 'rejected', 'unreachable']),
  message: z.string(),
  accessKeyId: z.string().optional(),
  accountId: z.string().optional(),
  userArn: z.string().optional(),
  /** Devices ListMFADevices returned (may be empty when the user may not list them). */
  mfaDevices: z.array(z.string()),
  /** The first listed device, else the usual ARN derived from the user ARN. */
  suggestedMfaSerial: z.string().optional(),
  /** How the suggestion was found, in one sentence. */
  mfaDeviceNote: z.string().optional(),
});
export type WizardKeysResult = z.infer<typeof WizardKeysResultSchema>;

export const WizardDiffLineSchema = z.object({
  kind: z.enum(['context', 'added', 'removed']),
  /** 1-based line numbers in the current and in the resulting file. */
  oldLine: z.number().int().optional(),
  newLine: z.number().int().optional(),
  /** Secret values are shown as ******** here. */
  text: z.string(),
});

export const WizardFileDiffSchema = z.object({
  file: z.string(),
  fileRole: z.enum(['config', 'credentials']),
  existsNow: z.boolean(),
  hunks: z.array(z.array(WizardDiffLineSchema)),
});
export type WizardFileDiff = z.infer<typeof WizardFileDiffSchema>;

export const WizardPreviewSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  files: z.array(WizardFileDiffSchema),
  profiles: z.array(z.object({ profile: z.string(), action: z.enum(['create', 'update', 'unchanged']) })),
  warnings: z.array(z.string()),
  /** Pass to wizardApply: it refuses to write when the files changed since this preview. */
  previewId: z.string().optional(),
});
export type WizardPreview = z.infer<typeof WizardPreviewSchema>;

export const WizardApplyResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  /** Copies of the user's files made before MFA Tray first wrote them. */
  backups: z.array(z.string()),
});

export const WizardRoleCheckSchema = z.object({
  sessionState: z.enum(['valid', 'missing', 'expired']),
  message: z.string(),
  results: z.array(
    z.object({
      profile: z.string(),
      roleArn: z.string(),
      ok: z.boolean(),
      message: z.string(),
      assumedArn: z.string().optional(),
    }),
  ),
});
export type WizardRoleCheck = z.infer<typeof WizardRoleCheckSchema>;

export const WizardRepositoryRequestSchema = WizardRepositorySchema.extend({
  /** The folder the repository is cloned into (a new `NAME` folder inside it). */
  parentFolder: z.string().min(1, 'Choose a folder for the repository'),
  sourceProfile: ProfileNameSchema,
  targetProfile: ProfileNameSchema,
});
export type WizardRepositoryRequest = z.input<typeof WizardRepositoryRequestSchema>;

export const WizardRepositoryResultSchema = z.object({
  ok: z.boolean(),
  kind: z.enum(['cloned', 'reconfigured', 'folder-taken', 'git-missing', 'clone-failed', 'needs-session']),
  message: z.string(),
  path: z.string().optional(),
});
export type WizardRepositoryResult = z.infer<typeof WizardRepositoryResultSchema>;

export const WizardFolderResultSchema = z.object({
  ok: z.boolean(),
  folder: z.string().optional(),
  message: z.string(),
});
