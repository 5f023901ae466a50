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
