// The ONE IPC contract between main, preload and renderer: every channel, its request and response schema.
// Main validates every request against these schemas; the preload exposes one method per operation;
// the renderer's `window.mfaTray` type is derived from here. Responses carry metadata only: no secret
// access key, session token or TOTP secret ever appears in a response schema (a test walks them all).
import { z } from 'zod';

const profileName = z.string().min(1).max(128).regex(/^[\w\-@+.%:/]+$/, 'Profile names may use letters, digits and _-@+.%:/');
const isoTime = z.string().datetime({ offset: true });
const sixDigitCode = z.string().regex(/^\d{6}$/, 'The code has exactly 6 digits');
const durationSeconds = z.number().int().min(900).max(129600);

export const SessionStateSchema = z.enum(['valid', 'expiring', 'expired', 'never', 'renewing']);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const MfaSessionViewSchema = z.object({
  target: z.string(),
  source: z.string(),
  device: z.string().optional(),
  accountId: z.string().optional(),
  expiration: isoTime.optional(),
  durationSeconds: z.number().int(),
  state: SessionStateSchema,
  /** True when MFA Tray holds this device's TOTP secret (lab accounts only). */
  labDevice: z.boolean(),
  notificationsEnabled: z.boolean(),
});
export type MfaSessionView = z.infer<typeof MfaSessionViewSchema>;

export const RoleViewSchema = z.object({
  profile: z.string(),
  roleArn: z.string(),
  accountId: z.string().optional(),
  region: z.string().optional(),
  chain: z.array(z.string()),
  mfaSessionTarget: z.string().optional(),
  cachedExpiration: isoTime.optional(),
  chainError: z.string().optional(),
});
export type RoleView = z.infer<typeof RoleViewSchema>;

export const FileProblemViewSchema = z.object({
  file: z.string(),
  fileRole: z.enum(['config', 'credentials']),
  line: z.number().int().min(0),
  message: z.string(),
});
export type FileProblemView = z.infer<typeof FileProblemViewSchema>;

export const SettingsSchema = z.object({
  leadTimeMinutes: z.number().int().min(1).max(720),
  defaultDurationSeconds: durationSeconds,
  startAtLogin: z.boolean(),
  /** Targets whose notifications the user turned off. */
  mutedSessions: z.array(z.string()),
  /** Lab devices only: renew by itself at the lead time. */
  autoRenewLabSessions: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DashboardStateSchema = z.object({
  /** Main's clock when the state was built, so countdowns agree with the notifications. */
  now: isoTime,
  sessions: z.array(MfaSessionViewSchema),
  roles: z.array(RoleViewSchema),
  profileCount: z.number().int().min(0),
  problems: z.array(FileProblemViewSchema),
  files: z.object({ config: z.string(), credentials: z.string() }),
  settings: SettingsSchema,
});
export type DashboardState = z.infer<typeof DashboardStateSchema>;

export const RenewOutcomeKindSchema = z.enum([
  'renewed',
  'still-valid',
  'wrong-code',
  'code-already-used',
  'wrong-serial',
  'invalid-key',
  'wrong-secret',
  'expired-session-keys',
  'session-keys-as-source',
  'duration-out-of-range',
  'clock-skew',
  'throttled',
  'timeout',
  'network',
  'malformed-response',
  'configuration',
  'file-problem',
  'invalid-code-format',
  'invalid-parameter',
  'access-denied',
  'service-error',
  /** Another renewal of the same device held the lock for too long. */
  'busy',
  'cancelled',
  'unknown',
]);
export type RenewOutcomeKind = z.infer<typeof RenewOutcomeKindSchema>;

export const RenewResultSchema = z.object({
  ok: z.boolean(),
  kind: RenewOutcomeKindSchema,
  /** One sentence the dialog shows as is. */
  message: z.string(),
  target: z.string(),
  expiration: isoTime.optional(),
  /** code-already-used: seconds until the next 30-s window. */
  retryAfterSeconds: z.number().min(0).optional(),
  /** clock-skew: local clock minus AWS's, in seconds. */
  clockOffsetSeconds: z.number().optional(),
});
export type RenewResult = z.infer<typeof RenewResultSchema>;

export const TokenDialogContextSchema = z.object({
  target: z.string(),
  source: z.string(),
  device: z.string().optional(),
  durationSeconds: z.number().int(),
  expiration: isoTime.optional(),
  labDevice: z.boolean(),
});
export type TokenDialogContext = z.infer<typeof TokenDialogContextSchema>;

export const ActionResultSchema = z.object({ ok: z.boolean(), message: z.string() });
export type ActionResult = z.infer<typeof ActionResultSchema>;

// ---- Onboarding wizard (electron/core/onboarding). Field schemas double as the renderer's as-you-type checks. ----

export const ProfileNameSchema = profileName;

/** Long-term keys of an IAM user start with AKIA; ASIA keys are temporary and cannot sign GetSessionToken. */
export const AccessKeyIdSchema = z
  .string()
  .trim()
  .refine((value) => !/^ASIA/.test(value), 'ASIA… keys are temporary session keys: the wizard needs your IAM user\'s long-term key (AKIA…)')
  .refine((value) => /^AKIA[A-Z0-9]{16}$/.test(value), 'An access key ID is AKIA followed by 16 capital letters or digits (20 characters)');

/** Request-only: the secret goes renderer → main once and is never part of a response. */
export const SecretAccessKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9/+]{40}$/, 'A secret access key has exactly 40 characters (letters, digits, / and +)');

/** A virtual device's ARN (arn:aws:iam::ACCOUNT:mfa/NAME) or a hardware token's serial number. */
export const MfaSerialSchema = z
  .string()
  .trim()
  .refine(
    (value) => (value.startsWith('arn:') ? /^arn:aws[\w-]*:iam::\d{12}:mfa\/[\w+=,.@/-]+$/.test(value) : /^[\w+=/:,.@-]{9,256}$/.test(value)),
    'The MFA device is an ARN like arn:aws:iam::123456789012:mfa/NAME (or a hardware serial number)',
  );

export const RoleArnSchema = z
  .string()
  .trim()
  .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, 'A role ARN looks like arn:aws:iam::123456789012:role/NAME');

export const RegionSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, 'A region looks like eu-west-1 or us-east-1');

/** CodeCommit's own rule: letters, digits, . _ - up to 100 characters, not ending in .git. */
export const RepositoryNameSchema = z
  .string()
  .trim()
  .regex(/^[\w.-]{1,100}$/, 'A repository name has 1 to 100 letters, digits, dots, underscores or dashes')
  .refine((value) => !value.toLowerCase().endsWith('.git'), 'A CodeCommit repository name cannot end in .git');

/** GetSessionToken's range for IAM users: 15 minutes to 36 hours. */
export const SessionDurationSchema = z
  .number()
  .int('The duration is a whole number of seconds')
  .min(900, 'STS gives sessions of at least 900 seconds (15 minutes)')
  .max(129600, 'STS gives IAM users sessions of at most 129600 seconds (36 hours)');

/** The `aws:MultiFactorAuthAge` limit in the scenario's assume policy: 24 hours. */
export const DEFAULT_MAX_MFA_AGE_SECONDS = 86400;
export const DEFAULT_SOURCE_PROFILE = 'FetchMfaCredentials';
export const DEFAULT_TARGET_PROFILE = 'MyRepositoryAssumer';

export const WizardRoleSchema = z.object({
  profile: profileName,
  roleArn: RoleArnSchema,
  region: RegionSchema.optional(),
});
export type WizardRole = z.infer<typeof WizardRoleSchema>;

/** Everything the wizard writes except the keys, which main holds since `wizardSetKeys`. */
export const WizardPlanSchema = z
  .object({
    sourceProfile: profileName,
    targetProfile: profileName,
    mfaSerial: MfaSerialSchema,
    durationSeconds: SessionDurationSchema,
    /** The assume policy's aws:MultiFactorAuthAge limit; the session must not outlive it. */
    maxMfaAgeSeconds: z.number().int().min(900).max(129600).default(DEFAULT_MAX_MFA_AGE_SECONDS),
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
      context.addIssue({ code: 'custom', path: ['targetProfile'], message: 'The session profile needs its own name: it cannot be the profile that holds your long-term keys' });
    }
    const seen = new Set([plan.sourceProfile, plan.targetProfile]);
    plan.roles.forEach((role, index) => {
      if (seen.has(role.profile)) {
        context.addIssue({ code: 'custom', path: ['roles', index, 'profile'], message: `The profile name ${role.profile} is already used above: each role needs its own profile` });
      }
      seen.add(role.profile);
    });
  });
export type WizardPlan = z.input<typeof WizardPlanSchema>;

export const WizardRepositorySchema = z.object({
  name: RepositoryNameSchema,
  region: RegionSchema,
  /** The role profile the CodeCommit credential helper signs with. */
  roleProfile: profileName,
});
export type WizardRepository = z.infer<typeof WizardRepositorySchema>;

/** What the wizard's fields start with: the existing setup, else the team file, else the scenario's defaults. */
export const WizardDraftSchema = z.object({
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
      sessionExpiration: isoTime.optional(),
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
  z.object({ source: z.literal('csv'), text: z.string().max(64 * 1024, 'That file is too large to be an access-key CSV') }),
  /** Re-validate the keys already in this profile (editing an existing setup). */
  z.object({ source: z.literal('existing'), profile: profileName }),
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
  results: z.array(z.object({ profile: z.string(), roleArn: z.string(), ok: z.boolean(), message: z.string(), assumedArn: z.string().optional() })),
});
export type WizardRoleCheck = z.infer<typeof WizardRoleCheckSchema>;

export const WizardRepositoryRequestSchema = WizardRepositorySchema.extend({
  /** The folder the repository is cloned into (a new `NAME` folder inside it). */
  parentFolder: z.string().min(1, 'Choose a folder for the repository'),
  sourceProfile: profileName,
  targetProfile: profileName,
});
export type WizardRepositoryRequest = z.input<typeof WizardRepositoryRequestSchema>;

export const WizardRepositoryResultSchema = z.object({
  ok: z.boolean(),
  kind: z.enum(['cloned', 'reconfigured', 'folder-taken', 'git-missing', 'clone-failed', 'needs-session']),
  message: z.string(),
  path: z.string().optional(),
});
export type WizardRepositoryResult = z.infer<typeof WizardRepositoryResultSchema>;

export const WizardFolderResultSchema = z.object({ ok: z.boolean(), folder: z.string().optional(), message: z.string() });

// ---- Built-in virtual MFA device, for TEST AND LAB ACCOUNTS ONLY (electron/core/lab-devices). ----
// The TOTP secret goes renderer → main in import requests only; no response carries it. Current codes do go to
// the renderer: they are short-lived, and showing one is the point of the device view.

/** Where the secret is kept: the OS keychain, a weak store (Linux basic_text) the user must accept, or nowhere. */
export const LabSecretStoreSchema = z.object({
  kind: z.enum(['keychain', 'weak', 'unavailable']),
  /** The backend's name as the platform reports it (e.g. gnome_libsecret, basic_text, macOS Keychain). */
  name: z.string(),
  /** One sentence for the device screen. */
  message: z.string(),
});
export type LabSecretStore = z.infer<typeof LabSecretStoreSchema>;

export const LabDeviceViewSchema = z.object({
  serial: z.string(),
  label: z.string(),
  /** 'not-enabled': created in IAM but EnableMFADevice did not finish; the user finishes or removes it. */
  state: z.enum(['ready', 'not-enabled', 'unreadable']),
  /** One sentence: what the state means and what to do. */
  note: z.string(),
  addedAt: isoTime,
  /** Stored in a weak store because the user accepted that for this device. */
  weakStoreAccepted: z.boolean(),
  /** The profile whose keys created it (created devices only). */
  sourceProfile: z.string().optional(),
  /** MFA session profiles whose source uses this device. */
  sessions: z.array(z.string()),
});
export type LabDeviceView = z.infer<typeof LabDeviceViewSchema>;

export const LabDeviceListSchema = z.object({
  store: LabSecretStoreSchema,
  devices: z.array(LabDeviceViewSchema),
});
export type LabDeviceList = z.infer<typeof LabDeviceListSchema>;

/** How the secret arrives: the otpauth:// URI, the Base32 seed, or the QR image AWS shows (PNG, base64). */
export const LabSecretInputSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('otpauth-uri'), text: z.string().trim().min(1).max(2048) }),
  z.object({ format: z.literal('base32'), text: z.string().trim().min(1).max(512) }),
  z.object({ format: z.literal('qr-png'), base64: z.string().min(1).max(2_000_000, 'That image is too large to be an MFA QR code') }),
]);
export type LabSecretInput = z.infer<typeof LabSecretInputSchema>;

export const LabDeviceImportRequestSchema = z.object({
  serial: MfaSerialSchema,
  input: LabSecretInputSchema,
  label: z.string().trim().max(128).optional(),
  /** Required when only a weak store exists: the user accepts it for this device. */
  acceptWeakStore: z.boolean().default(false),
});
export type LabDeviceImportRequest = z.input<typeof LabDeviceImportRequestSchema>;

export const LabDeviceCreateRequestSchema = z.object({
  /** The profile with the IAM user's long-term keys; its mfa_serial is set to the new device. */
  sourceProfile: profileName,
  deviceName: z.string().trim().regex(/^[\w+=,.@-]{1,226}$/, 'A device name has letters, digits and +=,.@_- (at most 226)'),
  acceptWeakStore: z.boolean().default(false),
});
export type LabDeviceCreateRequest = z.input<typeof LabDeviceCreateRequestSchema>;

export const LabDeviceResultSchema = z.object({
  ok: z.boolean(),
  kind: z.enum([
    'stored', 'enabled', 'removed', 'weak-store-not-accepted', 'no-secret-store', 'bad-secret', 'not-found',
    'device-exists', 'limit-reached', 'codes-rejected', 'not-enabled', 'aws-error', 'configuration',
  ]),
  message: z.string(),
  device: LabDeviceViewSchema.optional(),
});
export type LabDeviceResult = z.infer<typeof LabDeviceResultSchema>;

export const LabDeviceCodeViewSchema = z.object({
  serial: z.string(),
  /** The 6-digit code of the current 30-s window (never the secret). */
  currentCode: sixDigitCode,
  /** Seconds until this code's window ends (1–30). */
  secondsLeft: z.number().int().min(1).max(30),
  /** True when a renewal already used this window: the next renewal waits for the next code. */
  windowUsed: z.boolean(),
});
export type LabDeviceCodeView = z.infer<typeof LabDeviceCodeViewSchema>;

const serialRequest = z.object({ serial: MfaSerialSchema });

const none = z.undefined();
const targetRequest = z.object({ target: profileName });

/** Request/response operations (ipcRenderer.invoke ↔ ipcMain.handle). */
export const invokeContract = {
  getState: { channel: 'mfa-tray:get-state', request: none, response: DashboardStateSchema },
  renew: {
    channel: 'mfa-tray:renew',
    request: z.object({ target: profileName, code: sixDigitCode, durationSeconds: durationSeconds.optional(), force: z.boolean().optional() }),
    response: RenewResultSchema,
  },
  getTokenDialogContext: { channel: 'mfa-tray:token-dialog-context', request: targetRequest, response: TokenDialogContextSchema },
  /** The session the token dialog was last opened for: a dialog window that (re)loads after the push still finds it. */
  getRequestedTokenDialog: {
    channel: 'mfa-tray:requested-token-dialog',
    request: none,
    response: z.object({ context: TokenDialogContextSchema.nullable() }),
  },
  openTokenDialog: { channel: 'mfa-tray:open-token-dialog', request: targetRequest, response: ActionResultSchema },
  /** Hides the window that sends it (dialogs, wizard); the app keeps living in the tray. */
  closeWindow: { channel: 'mfa-tray:close-window', request: none, response: ActionResultSchema },
  openDashboard: { channel: 'mfa-tray:open-dashboard', request: none, response: ActionResultSchema },
  openWizard: { channel: 'mfa-tray:open-wizard', request: none, response: ActionResultSchema },
  /** Main builds the `export AWS_...` lines and writes them to the clipboard; the renderer never sees them. */
  copyExportLines: { channel: 'mfa-tray:copy-export-lines', request: z.object({ profile: profileName }), response: ActionResultSchema },
  openProfilesFolder: { channel: 'mfa-tray:open-profiles-folder', request: none, response: ActionResultSchema },
  getSettings: { channel: 'mfa-tray:get-settings', request: none, response: SettingsSchema },
  updateSettings: { channel: 'mfa-tray:update-settings', request: SettingsSchema.partial(), response: SettingsSchema },
  /** Wizard: prefill from the existing setup (edited in place, never duplicated); forgets keys of an earlier run. */
  wizardStart: { channel: 'mfa-tray:wizard-start', request: none, response: WizardStartSchema },
  /** Wizard step 1: the administrator's team file, as text (docs/team-file.md). */
  wizardImportTeamFile: { channel: 'mfa-tray:wizard-import-team-file', request: z.object({ text: z.string().max(256 * 1024) }), response: WizardTeamFileResultSchema },
  /** Wizard step 2: typed keys or the IAM console's CSV, checked with GetCallerIdentity; main keeps them in memory. */
  wizardSetKeys: { channel: 'mfa-tray:wizard-set-keys', request: WizardKeysRequestSchema, response: WizardKeysResultSchema },
  /** Wizard step 5: AssumeRole with the target's current MFA session ('missing' until the pair is saved and renewed). */
  wizardCheckRoles: { channel: 'mfa-tray:wizard-check-roles', request: z.object({ targetProfile: profileName, roles: z.array(WizardRoleSchema).max(50) }), response: WizardRoleCheckSchema },
  /** Wizard step 7: the exact lines each file gains or changes, secrets shown as ********. */
  wizardPreview: { channel: 'mfa-tray:wizard-preview', request: WizardPlanSchema, response: WizardPreviewSchema },
  /** Writes the plan. Idempotent: a plan without roles saves just the MFA pair, so the token dialog can renew before roles are checked. */
  wizardApply: { channel: 'mfa-tray:wizard-apply', request: z.object({ plan: WizardPlanSchema, previewId: z.string().optional() }), response: WizardApplyResultSchema },
  /** Wizard step 6: the OS folder picker. */
  wizardPickFolder: { channel: 'mfa-tray:wizard-pick-folder', request: none, response: WizardFolderResultSchema },
  /** Wizard step 6: clone over HTTPS with the CodeCommit credential helper and a `git mfa` alias (reconfigures an existing clone). */
  wizardSetUpRepository: { channel: 'mfa-tray:wizard-set-up-repository', request: WizardRepositoryRequestSchema, response: WizardRepositoryResultSchema },
  /** Forgets the keys held for the wizard (cancel). */
  wizardDiscard: { channel: 'mfa-tray:wizard-discard', request: none, response: ActionResultSchema },
  /** Lab devices (lab accounts only): the secret store's kind and every stored device, without secrets. */
  labDeviceList: { channel: 'mfa-tray:lab-device-list', request: none, response: LabDeviceListSchema },
  /** Stores a device's TOTP secret from an otpauth URI, a Base32 seed or the console's QR PNG. */
  labDeviceImport: { channel: 'mfa-tray:lab-device-import', request: LabDeviceImportRequestSchema, response: LabDeviceResultSchema },
  /** CreateVirtualMFADevice + EnableMFADevice for the source profile's IAM user, then sets its mfa_serial. */
  labDeviceCreate: { channel: 'mfa-tray:lab-device-create', request: LabDeviceCreateRequestSchema, response: LabDeviceResultSchema },
  /** Retries EnableMFADevice for a device left 'not-enabled'. */
  labDeviceFinish: { channel: 'mfa-tray:lab-device-finish', request: serialRequest, response: LabDeviceResultSchema },
  /** Erases the stored secret (the device stays in IAM). */
  labDeviceRemove: { channel: 'mfa-tray:lab-device-remove', request: serialRequest, response: LabDeviceResultSchema },
  /** The current code and the seconds left in its window. */
  labDeviceCode: { channel: 'mfa-tray:lab-device-code', request: serialRequest, response: LabDeviceCodeViewSchema },
  /** Main writes the current code to the clipboard. */
  labDeviceCopyCode: { channel: 'mfa-tray:lab-device-copy-code', request: serialRequest, response: ActionResultSchema },
  /** Token dialog's "use lab device": renews with the device's code, waiting for the next window if this one is used. */
  labDeviceRenew: {
    channel: 'mfa-tray:lab-device-renew',
    request: z.object({ target: profileName, durationSeconds: durationSeconds.optional(), force: z.boolean().optional() }),
    response: RenewResultSchema,
  },
} as const;

/** Main → renderer pushes (webContents.send ↔ ipcRenderer.on). */
export const eventContract = {
  stateChanged: { channel: 'mfa-tray:state-changed', payload: DashboardStateSchema },
  tokenDialogRequested: { channel: 'mfa-tray:token-dialog-requested', payload: TokenDialogContextSchema },
} as const;

export type InvokeContract = typeof invokeContract;
export type InvokeName = keyof InvokeContract;
export type RequestOf<K extends InvokeName> = z.input<InvokeContract[K]['request']>;
export type ResponseOf<K extends InvokeName> = z.output<InvokeContract[K]['response']>;
export type EventName = keyof typeof eventContract;
export type PayloadOf<K extends EventName> = z.output<(typeof eventContract)[K]['payload']>;

type Capitalized<S extends string> = S extends `${infer F}${infer R}` ? `${Uppercase<F>}${R}` : S;

/** What the preload exposes as `window.mfaTray`: one method per operation, `onX` subscriptions return an unsubscribe. */
export type MfaTrayBridge = {
  [K in InvokeName]: RequestOf<K> extends undefined ? () => Promise<ResponseOf<K>> : (request: RequestOf<K>) => Promise<ResponseOf<K>>;
} & {
  [K in EventName as `on${Capitalized<K>}`]: (listener: (payload: PayloadOf<K>) => void) => () => void;
};

/** The name under which the preload exposes the bridge in the page. */
export const BRIDGE_KEY = 'mfaTray';
