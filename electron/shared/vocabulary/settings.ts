// The user's preferences as `settings.json` in MFA Tray's state folder holds them, and their defaults. The
// settings screen and the `getSettings`/`updateSettings` operations use this same shape.
import { z } from 'zod';
import { SessionDurationSchema } from './fields';
import { SESSION_DURATION } from './sts-limits';

export const SettingsSchema = z.object({
  leadTimeMinutes: z.number().int().min(1).max(720),
  defaultDurationSeconds: SessionDurationSchema,
  startAtLogin: z.boolean(),
  /** Targets whose notifications the user turned off. */
  mutedSessions: z.array(z.string()),
  /** Lab devices only: renew by itself at the lead time. */
  autoRenewLabSessions: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  leadTimeMinutes: 15,
  // GetSessionToken's own default for IAM users.
  defaultDurationSeconds: SESSION_DURATION.default,
  startAtLogin: false,
  mutedSessions: [],
  autoRenewLabSessions: false,
}) as Settings;
