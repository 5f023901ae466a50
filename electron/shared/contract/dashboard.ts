// What the dashboard, the tray menu and the notifications show: MFA sessions, roles, file problems, settings.
import * as z from 'zod';
import { SettingsSchema } from '../vocabulary';
import { IsoTimeSchema } from './iso-time';

export const SessionStateSchema = z.enum(['valid', 'expiring', 'expired', 'never', 'renewing']);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const MfaSessionViewSchema = z.object({
  target: z.string(),
  source: z.string(),
  device: z.string().optional(),
  accountId: z.string().optional(),
  expiration: IsoTimeSchema.optional(),
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
  cachedExpiration: IsoTimeSchema.optional(),
  chainError: z.string().optional(),
  /** mfa-on-role: mfa_serial on the role profile (MFA Tray renews it); mfa-session-chain: through an MFA session. */
  layout: z.enum(['mfa-on-role', 'mfa-session-chain', 'no-mfa']),
  /** mfa-on-role: the device its code comes from. */
  device: z.string().optional(),
  /** mfa-on-role: like a session's (the cache entry's expiry at the lead time); others: from the cached keys. */
  state: SessionStateSchema,
  notificationsEnabled: z.boolean(),
});
export type RoleView = z.infer<typeof RoleViewSchema>;

export const FileProblemViewSchema = z.object({
  file: z.string(),
  fileRole: z.enum(['config', 'credentials']),
  line: z.number().int().min(0),
  message: z.string(),
});
export type FileProblemView = z.infer<typeof FileProblemViewSchema>;

export const DashboardStateSchema = z.object({
  /** Main's clock when the state was built, so countdowns agree with the notifications. */
  now: IsoTimeSchema,
  sessions: z.array(MfaSessionViewSchema),
  roles: z.array(RoleViewSchema),
  profileCount: z.number().int().min(0),
  problems: z.array(FileProblemViewSchema),
  files: z.object({ config: z.string(), credentials: z.string() }),
  settings: SettingsSchema,
});
export type DashboardState = z.infer<typeof DashboardStateSchema>;
