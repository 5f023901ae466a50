import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTotp } from '../../electron/core/totp';
import { parseSeed, type Seed } from './seed-schema';

/** The scenario seed (tools/sts-emulator/scenario-seed.json), parsed, with its well-known names. */
export const scenarioSeed: Seed = parseSeed(
  JSON.parse(readFileSync(fileURLToPath(new URL('./scenario-seed.json', import.meta.url)), 'utf8')),
);
const user = scenarioSeed.accounts[0]!.users[0]!;
export const scenario = {
  activeKey: user.accessKeys[0]!,
  inactiveKey: user.accessKeys[1]!,
  mfaSerial: user.mfaDevices[0]!.serial,
  mfaSecret: user.mfaDevices[0]!.secret,
  roleArn: 'arn:aws:iam::222222222222:role/MyRepositoryContributorRole',
  userArn: 'arn:aws:iam::111111111111:user/MyRepositoryUser',
};

/** The scenario device's code for the window `windowOffset` steps from `nowMs` (±1 are accepted). */
export const scenarioCode = (nowMs: number, windowOffset = 0): string => generateTotp(scenario.mfaSecret, nowMs + windowOffset * 30_000);
