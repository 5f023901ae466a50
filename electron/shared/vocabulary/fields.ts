// What a valid name, key, device, role, region and duration is: one schema each, shared by the team file, the
// wizard's as-you-type checks, settings.json and the IPC contract, so none of them restates a rule.
import * as z from 'zod';
import { SERIAL_LENGTH, SESSION_DURATION, TOKEN_CODE_PATTERN } from './sts-limits';

export const ProfileNameSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w\-@+.%:/]+$/, 'Profile names may use letters, digits and _-@+.%:/');

/** Long-term keys of an IAM user start with AKIA; ASIA keys are temporary and cannot sign GetSessionToken. */
export const AccessKeyIdSchema = z
  .string()
  .trim()
  .refine(
    (value) => !/^ASIA/.test(value),
    "ASIA… keys are temporary session keys: the wizard needs your IAM user's long-term key (AKIA…)",
  )
  .refine(
    (value) => /^AKIA[A-Z0-9]{16}$/.test(value),
    'An access key ID is AKIA followed by 16 capital letters or digits (20 characters)',
  );

/** Request-only: the secret goes renderer → main once and is never part of a response. */
export const SecretAccessKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9/+]{40}$/, 'A secret access key has exactly 40 characters (letters, digits, / and +)');

const hardwareSerial = new RegExp(`^[\\w+=/:,.@-]{${SERIAL_LENGTH.min},${SERIAL_LENGTH.max}}$`);

/** A virtual device's ARN (arn:aws:iam::ACCOUNT:mfa/NAME) or a hardware token's serial number. */
export const MfaSerialSchema = z
  .string()
  .trim()
  .refine(
    (value) =>
      value.startsWith('arn:')
        ? /^arn:aws[\w-]*:iam::\d{12}:mfa\/[\w+=,.@/-]+$/.test(value)
        : hardwareSerial.test(value),
    'The MFA device is an ARN like arn:aws:iam::123456789012:mfa/NAME (or a hardware serial number)',
  );

/** The code an MFA device shows for the current 30-s window. */
export const MfaCodeSchema = z.string().regex(TOKEN_CODE_PATTERN, 'The code has exactly 6 digits');

export const RoleArnSchema = z
  .string()
  .trim()
  .regex(
    /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    'A role ARN looks like arn:aws:iam::123456789012:role/NAME',
  );

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

/** GetSessionToken's range for IAM users (SESSION_DURATION). */
export const SessionDurationSchema = z
  .number()
  .int('The duration is a whole number of seconds')
  .min(
    SESSION_DURATION.min,
    `STS gives sessions of at least ${SESSION_DURATION.min} seconds (${SESSION_DURATION.min / 60} minutes)`,
  )
  .max(
    SESSION_DURATION.max,
    `STS gives IAM users sessions of at most ${SESSION_DURATION.max} seconds (${SESSION_DURATION.max / 3600} hours)`,
  );
