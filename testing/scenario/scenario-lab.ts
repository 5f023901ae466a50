// A throwaway copy of the scenario's contributor machine: the three profiles in a temp folder, MFA Tray's state
// folder beside them, and the environment that points the real CLIs (ours and /usr/bin/aws) at them.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenario } from './scenario';

export const { target: TARGET, source: SOURCE, role: ROLE_PROFILE } = scenario.profiles;

export interface ScenarioLab {
  dir: string;
  configPath: string;
  credentialsPath: string;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  /** Both files' bytes, for "nothing else changed" checks. */
  snapshot(): Promise<{ config: string; credentials: string }>;
}

export interface LabOptions {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  mfaSerial?: string;
  durationSeconds?: string;
  /** The target's expiration before renewal (default: long expired). */
  expiration?: string;
  /** Other files instead of the scenario's (another layout, e.g. testing/scenario/mfa-roles.ts). */
  files?: { config: string; credentials: string };
}

// Comments, another profile and odd spacing: every byte of these must survive a renewal.
export function scenarioConfig(options: LabOptions = {}): string {
  return `# team AWS config — do not reformat
[default]
region = eu-west-1

[profile ${SOURCE}]
mfa_serial = ${options.mfaSerial ?? scenario.mfaSerial}
get_session_token_duration_seconds = ${options.durationSeconds ?? scenario.sessionDurationSeconds}

[profile ${TARGET}]
expiration = ${options.expiration ?? '2020-01-01T00:00:00Z'}

; the role that git uses
[profile ${ROLE_PROFILE}]
region = ${scenario.region}
role_arn = ${scenario.roleArn}
source_profile = ${TARGET}
`;
}

export function scenarioCredentials(options: LabOptions = {}): string {
  return `[${SOURCE}]
aws_access_key_id = ${options.accessKeyId ?? scenario.activeKey.id}
aws_secret_access_key = ${options.secretAccessKey ?? scenario.activeKey.secret}
${options.sessionToken ? `aws_session_token = ${options.sessionToken}\n` : ''}
# old session, replaced by each renewal
[${TARGET}]
aws_access_key_id = ${scenario.staleSession.accessKeyId}
aws_secret_access_key = ${scenario.staleSession.secretAccessKey}
aws_session_token = ${scenario.staleSession.sessionToken}

[unrelated]
aws_access_key_id   =   AKIAUNRELATED0000001
aws_secret_access_key=keep-me-exactly
`;
}

export async function createScenarioLab(emulatorUrl: string, options: LabOptions = {}): Promise<ScenarioLab> {
  const dir = await mkdtemp(join(tmpdir(), 'mfa-tray-lab-'));
  const configPath = join(dir, 'config');
  const credentialsPath = join(dir, 'credentials');
  await writeFile(configPath, options.files?.config ?? scenarioConfig(options), { mode: 0o600 });
  await writeFile(credentialsPath, options.files?.credentials ?? scenarioCredentials(options), { mode: 0o600 });
  const stateDir = join(dir, 'state');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir, // nothing of the real user's ~/.aws can leak in
    AWS_CONFIG_FILE: configPath,
    AWS_SHARED_CREDENTIALS_FILE: credentialsPath,
    AWS_ENDPOINT_URL_STS: emulatorUrl,
    MFA_TRAY_STATE_DIR: stateDir,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
  return {
    dir,
    configPath,
    credentialsPath,
    stateDir,
    env,
    snapshot: async () => ({
      config: await readFile(configPath, 'utf8'),
      credentials: await readFile(credentialsPath, 'utf8'),
    }),
  };
}
