// The token dialog: what it renews (its context) and how a renewal ended, in one sentence the dialog shows.
import * as z from 'zod';
import { IsoTimeSchema } from './iso-time';

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
  expiration: IsoTimeSchema.optional(),
  /** code-already-used: seconds until the next 30-s window. */
  retryAfterSeconds: z.number().min(0).optional(),
  /** clock-skew: local clock minus AWS's, in seconds. */
  clockOffsetSeconds: z.number().optional(),
});
export type RenewResult = z.infer<typeof RenewResultSchema>;

/** Who asked for the dialog when a program without a terminal did (the CLI over the app's prompt socket). */
export const RequestedBySchema = z.object({
  /** "git in ~/src/myRepository" */
  caller: z.string().max(1200),
  /** Further callers waiting on the same dialog. */
  others: z.number().int().min(0),
});
export type RequestedBy = z.infer<typeof RequestedBySchema>;

/** What one code renews: an MFA session (GetSessionToken), an MFA role (AssumeRole), or every MFA role of a device. */
export const RenewalKindSchema = z.enum(['mfa-session', 'mfa-role', 'device-roles']);
export type RenewalKind = z.infer<typeof RenewalKindSchema>;

export const TokenDialogContextSchema = z.object({
  /** Absent: an MFA session. */
  kind: RenewalKindSchema.optional(),
  /** The profile renewed (device-roles: the first of `roles`). */
  target: z.string(),
  /** device-roles: every MFA role profile of `device` this one code renews. */
  roles: z.array(z.string()).optional(),
  source: z.string(),
  device: z.string().optional(),
  durationSeconds: z.number().int(),
  expiration: IsoTimeSchema.optional(),
  labDevice: z.boolean(),
  requestedBy: RequestedBySchema.optional(),
});
export type TokenDialogContext = z.infer<typeof TokenDialogContextSchema>;
