// Files other MFA tools wrote keep working for those tools after `mfa-tray renew`: aws-mfa's and awsume's layouts,
// built byte for byte (testing/interop/other-tools.ts), renewed by the real CLI, then read by botocore (signed
// calls of /usr/bin/aws to the emulator), by the tool's own expiration parser, and by `mfa-tray status`.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { runAws, runCli } from '../../testing/cli/run-cli';
import { createScenarioLab } from '../../testing/scenario/scenario-lab';
import { awsMfaCredentials, awsumeConfig, awsumeCredentials } from '../../testing/interop/other-tools';

const emulator = useScenarioEmulator('test');
const PAST = new Date(Date.UTC(2020, 0, 2, 3, 4, 5));

async function callerArn(profile: string, env: NodeJS.ProcessEnv): Promise<string> {
  const result = await runAws(
    [
      'sts',
      'get-caller-identity',
      '--profile',
      profile,
      '--region',
      scenario.region,
      '--endpoint-url',
      emulator().url,
      '--output',
      'json',
    ],
    env,
  );
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { Arn: string }).Arn;
}

async function statusExpiration(profile: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const report = JSON.parse((await runCli(['status', '--json'], env)).stdout) as {
    mfaSessions: Array<{ target: string; expiration: string | null }>;
  };
  return report.mfaSessions.find((s) => s.target === profile)?.expiration ?? null;
}

describe('renewing other tools’ profiles', { timeout: 60_000 }, () => {
  it('aws-mfa: botocore signs with the new token, aws-mfa reads its stamp, status reads the same time', async () => {
    const lab = await createScenarioLab(emulator().url);
    await writeFile(lab.configPath, '');
    await writeFile(lab.credentialsPath, awsMfaCredentials('work', scenario.staleSession, PAST));
    const renewed = await runCli(['renew', 'work', '--code', scenarioCode(Date.now())], lab.env);
    expect(renewed.stderr).toBe('');
    expect(renewed.code).toBe(0);
    // botocore reads aws_security_token before aws_session_token: a stale one would be InvalidClientTokenId.
    expect(await callerArn('work', lab.env)).toBe(scenario.userArn);
    // aws-mfa's own check: datetime.strptime(expiration, '%Y-%m-%d %H:%M:%S') compared with utcnow().
    const left = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        `import configparser, datetime, sys
c = configparser.RawConfigParser(); c.read(sys.argv[1])
exp = datetime.datetime.strptime(c.get('work', 'expiration'), '%Y-%m-%d %H:%M:%S')
print(int((exp - datetime.datetime.utcnow()).total_seconds()))`,
        lab.credentialsPath,
      ],
      { encoding: 'utf8' },
    );
    expect(Number(left)).toBeGreaterThan(43_000); // GetSessionToken's default 12 h
    const stamp = /\nexpiration = (.+)\n/.exec(await readFile(lab.credentialsPath, 'utf8'))![1]!;
    expect(await statusExpiration('work', lab.env)).toBe(`${stamp.replace(' ', 'T')}.000Z`);
  });

  it('awsume: botocore signs with the new keys, and status reads the local-time stamp as local time', async () => {
    const lab = await createScenarioLab(emulator().url);
    const env = { ...lab.env, TZ: 'Asia/Kolkata' };
    await writeFile(lab.configPath, awsumeConfig('base'));
    await writeFile(lab.credentialsPath, awsumeCredentials('base', 'out', scenario.staleSession, PAST));
    const renewed = await runCli(['renew', 'out', '--source', 'base', '--code', scenarioCode(Date.now())], env);
    expect(renewed.stderr).toBe('');
    expect(await callerArn('out', env)).toBe(scenario.userArn);
    const text = await readFile(lab.credentialsPath, 'utf8');
    expect(text).toMatch(/\nmanager = awsume\n/);
    const stamp = /\[out\][^[]*\nexpiration = (.+)\n/.exec(text)![1]!;
    // Local (+05:30) stamp → UTC: 5 h 30 min earlier.
    const utc = new Date(Date.parse(`${stamp.replace(' ', 'T')}+05:30`)).toISOString();
    expect(await statusExpiration('out', env)).toBe(utc);
  });
});
