// AWS's documented MFA layout for roles, on the scenario's IAM user and device: three role profiles in the
// repository account with `mfa_serial` on the role profile itself, signed by the long-term keys in `default`.
// The emulator's seed gains the three roles (trust policies requiring MFA); tests and the demo share both.
import { scenario, scenarioSeed } from './scenario';
import { scenarioConfig, scenarioCredentials } from './scenario-lab';
import type { Seed } from '../../tools/sts-emulator/seed-schema';
import { loadConfig, rawConfigParse } from '../../electron/core/ini';
import { buildProfileModel, type ProfileModel } from '../../electron/core/profiles';

const repository = scenario.accounts.repository;

/** Profile name → role name, duration_seconds (Admin: 2 h, beyond the role-chaining cap; all over botocore's 15-min refresh window). */
export const MFA_ROLES = {
  admin: { role: 'Admin', durationSeconds: 7200 },
  deploy: { role: 'Deploy', durationSeconds: 3600 },
  readonly: { role: 'ReadOnly', durationSeconds: 1800 },
} as const;
export type MfaRoleProfile = keyof typeof MFA_ROLES;

export const mfaRoleArn = (profile: MfaRoleProfile): string =>
  `arn:aws:iam::${repository}:role/${MFA_ROLES[profile].role}`;

/** The scenario seed plus the three roles, each trusting the users' account only with MFA. */
export const mfaRolesSeed: Seed = {
  accounts: scenarioSeed.accounts.map((account) =>
    account.id !== repository
      ? account
      : {
          ...account,
          roles: [
            ...account.roles,
            ...Object.values(MFA_ROLES).map(({ role }) => ({
              name: role,
              path: '/',
              maxSessionDuration: 43200,
              trust: { accounts: [scenario.accounts.users], mfaRequired: true },
            })),
          ],
        },
  ),
};

/** ~/.aws/config: the role profiles as AWS documents them, plus `default`'s region. */
export function mfaRolesConfig(profiles: readonly MfaRoleProfile[] = ['admin', 'deploy', 'readonly']): string {
  const sections = profiles.map(
    (profile) => `[profile ${profile}]
role_arn = ${mfaRoleArn(profile)}
source_profile = default
mfa_serial = ${scenario.mfaSerial}
duration_seconds = ${MFA_ROLES[profile].durationSeconds}
region = ${scenario.region}
`,
  );
  return `[default]\nregion = ${scenario.region}\n\n${sections.join('\n')}`;
}

/** ~/.aws/credentials: the IAM user's long-term keys. */
export const MFA_ROLES_CREDENTIALS = `[default]
aws_access_key_id = ${scenario.activeKey.id}
aws_secret_access_key = ${scenario.activeKey.secret}
`;

/** The three MFA roles, plus (withSession) the scenario's session profiles on the same device. */
export function mfaRolesFiles(options: { withSession?: boolean } = {}): { config: string; credentials: string } {
  if (!options.withSession) return { config: mfaRolesConfig(), credentials: MFA_ROLES_CREDENTIALS };
  return {
    config: `${scenarioConfig()}\n${mfaRolesConfig().replace(/^\[default\]\nregion = .*\n/, '')}`,
    credentials: `${scenarioCredentials()}\n${MFA_ROLES_CREDENTIALS}`,
  };
}

/** The profile model of mfaRolesFiles() as loadProfileModel builds it (no cached roles), for in-memory tests. */
export function mfaRolesModel(): ProfileModel {
  const files = mfaRolesFiles();
  return buildProfileModel({
    config: loadConfig(files.config),
    credentials: rawConfigParse(files.credentials),
    problems: [],
    cachedRoles: [],
  });
}
