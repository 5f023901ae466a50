// Lost-update check shared by the unit test and the long script: our writeProfileSettings loop runs while
// real `aws configure set` processes (which write in place, without locks) change the same sections of the
// same files. Each side sets its own keys; at the end every key must hold the last value its side set.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { rawConfigParse } from '../../electron/core/ini';
import type { AwsFileLocations } from '../../electron/core/aws-files/locations';
import { readAwsFile } from '../../electron/core/aws-files/read-aws-file';
import { writeProfileSettings } from '../../electron/core/aws-files/profile-settings';

const run = promisify(execFile);
export const AWS_CLI = '/usr/bin/aws';
const PROFILE = 'shared';

export interface RaceResult {
  awsCalls: number;
  ourWrites: number;
  /** Keys whose final value is not the last one written, as `file [section] key: expected/found`. */
  lost: string[];
}

export async function raceAgainstAwsCli(folder: string, awsCallsPerFile: number): Promise<RaceResult> {
  const locations: AwsFileLocations = {
    config: join(folder, 'config'),
    credentials: join(folder, 'credentials'),
    cliCacheDir: join(folder, 'cli', 'cache'),
  };
  // Sections exist up front: two writers that both find a section missing would both append it, and
  // `aws configure set` has no way to notice (a duplicate section makes the file unreadable for botocore).
  await writeFile(locations.config, `[profile ${PROFILE}]\nregion = eu-west-1\n`, { mode: 0o600 });
  await writeFile(locations.credentials, `[${PROFILE}]\n`, { mode: 0o600 });
  const env = { ...process.env, AWS_CONFIG_FILE: locations.config, AWS_SHARED_CREDENTIALS_FILE: locations.credentials };
  const aws = (key: string, value: string) =>
    run(AWS_CLI, ['configure', 'set', key, value, '--profile', PROFILE], { env });

  const expectedConfig: Record<string, string> = {};
  const expectedCredentials: Record<string, string> = {};
  let awsCalls = 0;
  const configChain = async () => {
    for (let index = 0; index < awsCallsPerFile; index += 1) {
      await aws(`theirs_${index}`, `value_${index}`);
      expectedConfig[`theirs_${index}`] = `value_${index}`;
      awsCalls += 1;
    }
  };
  const credentialsChain = async () => {
    for (let index = 0; index < awsCallsPerFile; index += 1) {
      const key = index % 2 === 0 ? 'aws_access_key_id' : 'aws_secret_access_key';
      await aws(key, `theirs-${index}`);
      expectedCredentials[key] = `theirs-${index}`;
      awsCalls += 1;
    }
  };
  let awsDone = false;
  let ourWrites = 0;
  const ourLoop = async () => {
    while (!awsDone) {
      const values = { [`ours_${ourWrites % 4}`]: `ours-${ourWrites}`, aws_session_token: `token-${ourWrites}` };
      await writeProfileSettings(locations, PROFILE, values);
      expectedConfig[`ours_${ourWrites % 4}`] = `ours-${ourWrites}`;
      expectedCredentials.aws_session_token = `token-${ourWrites}`;
      ourWrites += 1;
    }
  };
  const ours = ourLoop();
  try {
    await Promise.all([configChain(), credentialsChain()]);
  } finally {
    awsDone = true;
    await ours;
  }

  const lost: string[] = [];
  const check = async (path: string, section: string, expected: Record<string, string>) => {
    const found = rawConfigParse((await readAwsFile(path)).text)[section] ?? {};
    for (const [key, value] of Object.entries(expected)) {
      if (found[key] !== value)
        lost.push(`${path} [${section}] ${key}: expected ${value}, found ${String(found[key])}`);
    }
  };
  await check(locations.config, `profile ${PROFILE}`, expectedConfig);
  await check(locations.credentials, PROFILE, expectedCredentials);
  return { awsCalls, ourWrites, lost };
}
