import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { decodeBase32Secret, MIN_SECRET_BYTES } from '../../electron/core/totp';
import { errorMessage } from '../../electron/shared/error-message';

const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits');
const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, 'IAM names use letters, digits and +=,.@_-');
const iamPath = z
  .string()
  .regex(/^\/([\x21-\x7e]*\/)?$/, 'an IAM path starts and ends with /')
  .default('/');

const accessKey = z.object({
  id: z.string().regex(/^AKIA[A-Z0-9]{16}$/, 'a long-term access key id is AKIA + 16 upper-case letters/digits'),
  secret: z.string().min(16, 'secret access keys are 40 characters in AWS; at least 16 here'),
  status: z.enum(['Active', 'Inactive']).default('Active'),
});

const base32Secret = z.string().superRefine((secret, ctx) => {
  try {
    if (decodeBase32Secret(secret).length < MIN_SECRET_BYTES)
      ctx.addIssue({ code: 'custom', message: `TOTP secret shorter than ${MIN_SECRET_BYTES} bytes` });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: errorMessage(error) });
  }
});

const mfaDevice = z.object({
  serial: z.string().regex(/^arn:aws:iam::\d{12}:mfa\/[\w+=,.@/-]+$/, 'an MFA serial is arn:aws:iam::ACCOUNT:mfa/NAME'),
  secret: base32Secret,
});

const user = z.object({
  name: iamName,
  path: iamPath,
  accessKeys: z.array(accessKey).max(2, 'IAM allows two access keys per user').default([]),
  mfaDevices: z.array(mfaDevice).max(8, 'IAM allows eight MFA devices per user').default([]),
});

const role = z.object({
  name: iamName,
  path: iamPath,
  maxSessionDuration: z.number().int().min(3600).max(43200).default(3600),
  trust: z.object({
    accounts: z.array(accountId).min(1, 'a role must trust at least one account'),
    // Condition "Bool": {"aws:MultiFactorAuthPresent": "true"}: AccessDenied for credentials without MFA.
    mfaRequired: z.boolean().default(false),
    // Condition "StringEquals": {"sts:ExternalId": ...}: AssumeRole must pass this ExternalId.
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, 'an external id is 2-1224 of [\\w+=,.@:/-]')
      .optional(),
    // The aws:MultiFactorAuthAge limit ("NumericLessThan"): MFA must be younger than this many seconds.
    maxMfaAgeSeconds: z.number().int().positive().optional(),
  }),
});

const account = z.object({
  id: accountId,
  users: z.array(user).default([]),
  roles: z.array(role).default([]),
});

const seedSchema = z
  .object({ accounts: z.array(account).min(1, 'the seed needs at least one account') })
  .superRefine((seed, ctx) => {
    const seen = new Set<string>();
    const once = (key: string, path: (string | number)[], what: string): void => {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what}` });
      seen.add(key);
    };
    seed.accounts.forEach((acct, a) => {
      once(`account:${acct.id}`, ['accounts', a, 'id'], `account ${acct.id}`);
      acct.users.forEach((u, i) => {
        once(`user:${acct.id}:${u.name.toLowerCase()}`, ['accounts', a, 'users', i, 'name'], `user ${u.name}`);
        u.accessKeys.forEach((k, j) =>
          once(`key:${k.id}`, ['accounts', a, 'users', i, 'accessKeys', j, 'id'], `access key ${k.id}`),
        );
        u.mfaDevices.forEach((d, j) => {
          const path = ['accounts', a, 'users', i, 'mfaDevices', j, 'serial'];
          once(`mfa:${d.serial}`, path, `MFA device ${d.serial}`);
          if (!d.serial.startsWith(`arn:aws:iam::${acct.id}:`))
            ctx.addIssue({ code: 'custom', path, message: `MFA device must belong to account ${acct.id}` });
        });
      });
      acct.roles.forEach((r, i) =>
        once(`role:${acct.id}:${r.name.toLowerCase()}`, ['accounts', a, 'roles', i, 'name'], `role ${r.name}`),
      );
    });
  });

export type Seed = z.infer<typeof seedSchema>;
export type SeedAccount = Seed['accounts'][number];
export type SeedUser = SeedAccount['users'][number];
export type SeedRole = SeedAccount['roles'][number];

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

/** Validates a parsed seed; the error lists every problem with its JSON path (never the secrets' values). */
export function parseSeed(input: unknown, source = 'seed'): Seed {
  const result = seedSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new SeedError(`Invalid ${source}:\n${problems.join('\n')}`);
}

export async function loadSeedFile(path: string): Promise<Seed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SeedError(
      `Cannot read seed file ${path}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`Seed file ${path} is not JSON: ${errorMessage(error)}`);
  }
  return parseSeed(json, `seed file ${path}`);
}
