// Built-in virtual MFA device, for TEST AND LAB ACCOUNTS ONLY (electron/core/lab-devices).
// The TOTP secret goes renderer → main in import requests only; no response carries it. Current codes do go to
// the renderer: they are short-lived, and showing one is the point of the device view.
import * as z from 'zod';
import { MfaCodeSchema, MfaSerialSchema, ProfileNameSchema } from '../vocabulary';
import { IsoTimeSchema } from './iso-time';

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
  addedAt: IsoTimeSchema,
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
  z.object({
    format: z.literal('qr-png'),
    base64: z.string().min(1).max(2_000_000, 'That image is too large to be an MFA QR code'),
  }),
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
  sourceProfile: ProfileNameSchema,
  deviceName: z
    .string()
    .trim()
    .regex(/^[\w+=,.@-]{1,226}$/, 'A device name has letters, digits and +=,.@_- (at most 226)'),
  acceptWeakStore: z.boolean().default(false),
});
export type LabDeviceCreateRequest = z.input<typeof LabDeviceCreateRequestSchema>;

export const LabDeviceResultSchema = z.object({
  ok: z.boolean(),
  kind: z.enum([
    'stored',
    'enabled',
    'removed',
    'weak-store-not-accepted',
    'no-secret-store',
    'bad-secret',
    'not-found',
    'device-exists',
    'limit-reached',
    'codes-rejected',
    'not-enabled',
    'aws-error',
    'configuration',
  ]),
  message: z.string(),
  device: LabDeviceViewSchema.optional(),
});
export type LabDeviceResult = z.infer<typeof LabDeviceResultSchema>;

export const LabDeviceCodeViewSchema = z.object({
  serial: z.string(),
  /** The 6-digit code of the current 30-s window (never the secret). */
  currentCode: MfaCodeSchema,
  /** Seconds until this code's window ends (1–30). */
  secondsLeft: z.number().int().min(1).max(30),
  /** True when a renewal already used this window: the next renewal waits for the next code. */
  windowUsed: z.boolean(),
});
export type LabDeviceCodeView = z.infer<typeof LabDeviceCodeViewSchema>;
