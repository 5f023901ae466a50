// The contributor's files from the scenario, as plain as the wizard writes them, shared by the tests of the model
// and the CLI. Secret values are recognisable so tests can prove they never leak.
import { scenario } from './scenario';

const { profiles, staleSession } = scenario;

export const SCENARIO_SECRETS = [scenario.activeKey.secret, staleSession.secretAccessKey, staleSession.sessionToken];

export function scenarioConfig(expiration = '2030-01-02T03:04:05+00:00'): string {
  return `# contributor setup
[profile ${profiles.source}]
mfa_serial = ${scenario.mfaSerial}
get_session_token_duration_seconds = ${scenario.sessionDurationSeconds}

[profile ${profiles.target}]
expiration = ${expiration}

[profile ${profiles.role}]
region = ${scenario.region}
role_arn = ${scenario.roleArn}
source_profile = ${profiles.target}
`;
}

export const SCENARIO_CREDENTIALS = `[${profiles.source}]
aws_access_key_id = ${scenario.activeKey.id}
aws_secret_access_key = ${scenario.activeKey.secret}

[${profiles.target}]
aws_access_key_id = ${staleSession.accessKeyId}
aws_secret_access_key = ${staleSession.secretAccessKey}
aws_session_token = ${staleSession.sessionToken}
`;
