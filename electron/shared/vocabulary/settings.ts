// The user's preferences as `settings.json` in MFA Tray's state folder holds them, and their defaults. The
// settings screen and the `getSettings`/`updateSettings` operations use this same shape.
import * as z from 'zod';
import { SessionDurationSchema } from './fields';
import { SESSION_DURATION } from './sts-limits';

/** Long enough to find the authenticator; short enough that a forgotten git push does not hang for long. */
export const PROMPT_WAIT_SECONDS = { min: 10, max: 600, default: 120 } as const;

export const SettingsSchema = z.object({
  leadTimeMinutes: z.number().int().min(1).max(720),
  defaultDurationSeconds: SessionDurationSchema,
  startAtLogin: z.boolean(),
  /** Targets whose notifications the user turned off. */
  mutedSessions: z.array(z.string()),
  /** Lab devices only: renew by itself at the lead time. */
  autoRenewLabSessions: z.boolean(),
  /** How long a program without a terminal (git GUI, IDE, SDK) waits for a code typed in the token dialog. */
  promptWaitSeconds: z.number().int().min(PROMPT_WAIT_SECONDS.min).max(PROMPT_WAIT_SECONDS.max),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  leadTimeMinutes: 15,
  // GetSessionToken's own default for IAM users.
  defaultDurationSeconds: SESSION_DURATION.default,
  startAtLogin: false,
  mutedSessions: [],
  autoRenewLabSessions: false,
  promptWaitSeconds: PROMPT_WAIT_SECONDS.default,
}) as Settings;
