// The tables of every IPC operation and push: channel, request and response schema. Main validates every
// request against them, the preload exposes one method per entry, and the bridge type is derived from them.
import * as z from 'zod';
import {
  MfaCodeSchema,
  MfaSerialSchema,
  ProfileNameSchema,
  SessionDurationSchema,
  SettingsSchema,
} from '../vocabulary';
import { ActionResultSchema } from './action-result';
import { DashboardStateSchema } from './dashboard';
import {
  LabDeviceCodeViewSchema,
  LabDeviceCreateRequestSchema,
  LabDeviceImportRequestSchema,
  LabDeviceListSchema,
  LabDeviceResultSchema,
} from './lab-devices';
import { RenewResultSchema, TokenDialogContextSchema } from './renewal';
import {
  WizardApplyResultSchema,
  WizardFolderResultSchema,
  WizardKeysRequestSchema,
  WizardKeysResultSchema,
  WizardPlanSchema,
  WizardPreviewSchema,
  WizardRepositoryRequestSchema,
  WizardRepositoryResultSchema,
  WizardRoleCheckSchema,
  WizardRoleSchema,
  WizardStartSchema,
  WizardTeamFileResultSchema,
} from './wizard';

const serialRequest = z.object({ serial: MfaSerialSchema });

const none = z.undefined();
const targetRequest = z.object({ target: ProfileNameSchema });

/** Request/response operations (ipcRenderer.invoke ↔ ipcMain.handle). */
export const invokeContract = {
  getState: { channel: 'mfa-tray:get-state', request: none, response: DashboardStateSchema },
  renew: {
    channel: 'mfa-tray:renew',
    request: z.object({
      target: ProfileNameSchema,
      code: MfaCodeSchema,
      durationSeconds: SessionDurationSchema.optional(),
      force: z.boolean().optional(),
      /** One code for every MFA role of this device (the token dialog's device-roles kind). */
      allRolesOf: MfaSerialSchema.optional(),
    }),
    response: RenewResultSchema,
  },
  getTokenDialogContext: {
    channel: 'mfa-tray:token-dialog-context',
    request: targetRequest,
    response: TokenDialogContextSchema,
  },
  /** The session the token dialog was last opened for: a dialog window that (re)loads after the push still finds it. */
  getRequestedTokenDialog: {
    channel: 'mfa-tray:requested-token-dialog',
    request: none,
    response: z.object({ context: TokenDialogContextSchema.nullable() }),
  },
  openTokenDialog: { channel: 'mfa-tray:open-token-dialog', request: targetRequest, response: ActionResultSchema },
  /** The token dialog for "renew all roles of this device": one code, every MFA role of the device. */
  openDeviceRolesDialog: {
    channel: 'mfa-tray:open-device-roles-dialog',
    request: serialRequest,
    response: ActionResultSchema,
  },
  /** Hides the window that sends it (dialogs, wizard); the app keeps living in the tray. */
  closeWindow: { channel: 'mfa-tray:close-window', request: none, response: ActionResultSchema },
  openDashboard: { channel: 'mfa-tray:open-dashboard', request: none, response: ActionResultSchema },
  openWizard: { channel: 'mfa-tray:open-wizard', request: none, response: ActionResultSchema },
  /** Main builds the `export AWS_...` lines and writes them to the clipboard; the renderer never sees them. */
  copyExportLines: {
    channel: 'mfa-tray:copy-export-lines',
    request: z.object({ profile: ProfileNameSchema }),
    response: ActionResultSchema,
  },
  openProfilesFolder: { channel: 'mfa-tray:open-profiles-folder', request: none, response: ActionResultSchema },
  getSettings: { channel: 'mfa-tray:get-settings', request: none, response: SettingsSchema },
  updateSettings: { channel: 'mfa-tray:update-settings', request: SettingsSchema.partial(), response: SettingsSchema },
  /** Wizard: prefill from the existing setup (edited in place, never duplicated); forgets keys of an earlier run. */
  wizardStart: { channel: 'mfa-tray:wizard-start', request: none, response: WizardStartSchema },
  /** Wizard step 1: the administrator's team file, as text (docs/team-file.md). */
  wizardImportTeamFile: {
    channel: 'mfa-tray:wizard-import-team-file',
    request: z.object({ text: z.string().max(256 * 1024) }),
    response: WizardTeamFileResultSchema,
  },
  /** Wizard step 2: typed keys or the IAM console's CSV, checked with GetCallerIdentity; main keeps them in memory. */
  wizardSetKeys: {
    channel: 'mfa-tray:wizard-set-keys',
    request: WizardKeysRequestSchema,
    response: WizardKeysResultSchema,
  },
  /** Wizard step 5: AssumeRole with the target's current MFA session ('missing' until the pair is saved and renewed). */
  wizardCheckRoles: {
    channel: 'mfa-tray:wizard-check-roles',
    request: z.object({ targetProfile: ProfileNameSchema, roles: z.array(WizardRoleSchema).max(50) }),
    response: WizardRoleCheckSchema,
  },
  /** Wizard step 7: the exact lines each file gains or changes, secrets shown as ********. */
  wizardPreview: { channel: 'mfa-tray:wizard-preview', request: WizardPlanSchema, response: WizardPreviewSchema },
  /** Writes the plan. Idempotent: a plan without roles saves just the MFA pair, so the token dialog can renew before roles are checked. */
  wizardApply: {
    channel: 'mfa-tray:wizard-apply',
    request: z.object({ plan: WizardPlanSchema, previewId: z.string().optional() }),
    response: WizardApplyResultSchema,
  },
  /** Wizard step 6: the OS folder picker. */
  wizardPickFolder: { channel: 'mfa-tray:wizard-pick-folder', request: none, response: WizardFolderResultSchema },
  /** Wizard step 6: clone over HTTPS with the CodeCommit credential helper and a `git mfa` alias (reconfigures an existing clone). */
  wizardSetUpRepository: {
    channel: 'mfa-tray:wizard-set-up-repository',
    request: WizardRepositoryRequestSchema,
    response: WizardRepositoryResultSchema,
  },
  /** Forgets the keys held for the wizard (cancel). */
  wizardDiscard: { channel: 'mfa-tray:wizard-discard', request: none, response: ActionResultSchema },
  /** Lab devices (lab accounts only): the secret store's kind and every stored device, without secrets. */
  labDeviceList: { channel: 'mfa-tray:lab-device-list', request: none, response: LabDeviceListSchema },
  /** Stores a device's TOTP secret from an otpauth URI, a Base32 seed or the console's QR PNG. */
  labDeviceImport: {
    channel: 'mfa-tray:lab-device-import',
    request: LabDeviceImportRequestSchema,
    response: LabDeviceResultSchema,
  },
  /** CreateVirtualMFADevice + EnableMFADevice for the source profile's IAM user, then sets its mfa_serial. */
  labDeviceCreate: {
    channel: 'mfa-tray:lab-device-create',
    request: LabDeviceCreateRequestSchema,
    response: LabDeviceResultSchema,
  },
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
    request: z.object({
      target: ProfileNameSchema,
      durationSeconds: SessionDurationSchema.optional(),
      force: z.boolean().optional(),
    }),
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
