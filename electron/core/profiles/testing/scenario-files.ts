// The contributor's files from the scenario (docs: /work/shared/reference/scenario.md), shared by the tests of
// the model, the CLI and the benchmark. Secret values are recognisable so tests can prove they never leak.
export const SCENARIO_SECRETS = ['longTermSecretValue/EXAMPLE', 'sessionSecretValue/EXAMPLE', 'sessionTokenValue/EXAMPLE'];

export const SCENARIO_ACCOUNTS = { users: '111111111111', repository: '222222222222' };

export function scenarioConfig(expiration = '2030-01-02T03:04:05+00:00'): string {
  return `# contributor setup
[profile FetchMfaCredentials]
mfa_serial = arn:aws:iam::${SCENARIO_ACCOUNTS.users}:mfa/MyRepositoryUser
get_session_token_duration_seconds = 86400

[profile MyRepositoryAssumer]
expiration = ${expiration}

[profile MyRepositoryContributor]
region = eu-west-1
role_arn = arn:aws:iam::${SCENARIO_ACCOUNTS.repository}:role/MyRepositoryContributorRole
source_profile = MyRepositoryAssumer
`;
}

export const SCENARIO_CREDENTIALS = `[FetchMfaCredentials]
aws_access_key_id = AKIAEXAMPLELONGTERM1
aws_secret_access_key = ${SCENARIO_SECRETS[0]}

[MyRepositoryAssumer]
aws_access_key_id = ASIAEXAMPLESESSION01
aws_secret_access_key = ${SCENARIO_SECRETS[1]}
aws_session_token = ${SCENARIO_SECRETS[2]}
`;
