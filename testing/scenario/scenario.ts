// The scenario every test rig, the emulator and the demo share, described once: the users' account with the
// contributor's IAM user (two key pairs, one virtual MFA device), the repository account with the role that trusts
// it, and the three profiles of the contributor's machine. The AWS side is scenario-seed.json, which the emulator
// loads as it is (`npm run sts-emulator -- --seed FILE`); the rest is derived from it here or stated here only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTotp } from '../../electron/core/totp';
import { parseSeed, type Seed } from '../../tools/sts-emulator/seed-schema';

export const SCENARIO_SEED_FILE = fileURLToPath(new URL('./scenario-seed.json', import.meta.url));

/** scenario-seed.json, parsed. */
export const scenarioSeed: Seed = parseSeed(JSON.parse(readFileSync(SCENARIO_SEED_FILE, 'utf8')));

const [usersAccount, repositoryAccount] = scenarioSeed.accounts;
const user = usersAccount?.users[0];
const [activeKey, inactiveKey] = user?.accessKeys ?? [];
const device = user?.mfaDevices[0];
const role = repositoryAccount?.roles[0];
if (!usersAccount || !repositoryAccount || !user || !activeKey || !inactiveKey || !device || !role) {
  throw new Error(
    `${SCENARIO_SEED_FILE} lacks the users' account (user, two keys, MFA device) or the repository account's role`,
  );
}

export const scenario = {
  /** The contributor's profiles: long-term keys, the MFA session renewed from them, the role assumed from it. */
  profiles: { source: 'FetchMfaCredentials', target: 'MyRepositoryAssumer', role: 'MyRepositoryContributor' },
  region: 'eu-west-1',
  /** The source profile's get_session_token_duration_seconds. */
  sessionDurationSeconds: 86400,
  accounts: { users: usersAccount.id, repository: repositoryAccount.id },
  userName: user.name,
  userArn: `arn:aws:iam::${usersAccount.id}:user${user.path}${user.name}`,
  activeKey,
  inactiveKey,
  mfaSerial: device.serial,
  mfaSecret: device.secret,
  roleArn: `arn:aws:iam::${repositoryAccount.id}:role${role.path}${role.name}`,
  /** An earlier MFA session as the credentials file holds it before a renewal: recognisable, valid nowhere. */
  staleSession: {
    accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'staleSessionSecret/EXAMPLE/0123456789abc',
    sessionToken:
      'FwoGZXIvYXdzEXAMPLEsessionTOKENvalue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/=',
  },
} as const;

/** The scenario device's code for the window `windowOffset` steps from `nowMs` (±1 are accepted). */
export const scenarioCode = (nowMs: number, windowOffset = 0): string =>
  generateTotp(scenario.mfaSecret, nowMs + windowOffset * 30_000);
