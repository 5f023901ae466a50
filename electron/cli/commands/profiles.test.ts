import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { SECRET_KEYS } from '../../core/profiles';
import { botocoreAvailable, runBotocore } from '../../../testing/botocore';
import { scenario } from '../../../testing/scenario/scenario';
import { SCENARIO_CREDENTIALS, SCENARIO_SECRETS, scenarioConfig } from '../../../testing/scenario/scenario-files';
import type { CliIo } from '../output/cli-io';
import { registerProfilesCommand, runProfiles, type ProfilesReport } from './profiles';
import { registerStatusCommand } from './status';

function awsFiles(config: string, credentials: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cli-profiles-'));
  writeFileSync(join(dir, 'config'), config);
  writeFileSync(join(dir, 'credentials'), credentials);
  return {
    dir,
    env: { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') },
  };
}

function captureIo(env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    env,
    stdout: (t) => (out.stdout += t),
    stderr: (t) => (out.stderr += t),
    clock: { now: () => Date.UTC(2030, 0, 1) },
  };
  return { io, out };
}

// Files that exercise botocore's resolution rules: sub-sections, continuation lines, an upper-case DEFAULT
// leaking into every section, quoted names, both default spellings, credentials-only profiles.
const TRICKY_CONFIG = `${scenarioConfig()}
[DEFAULT]
leaked = from DEFAULT

[profile "spaced name"]
region = us-west-2

[profile default]
region = overridden-below

[default]
region = eu-central-1
s3 =
  max_concurrent_requests = 10
  Addressing_Style = path
cli_pager = first
  second line

[profile two words here]
region = dropped

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1
`;
const TRICKY_CREDENTIALS = `${SCENARIO_CREDENTIALS}
[onlyInCredentials]
aws_access_key_id = AKIAONLYCREDS
aws_secret_access_key = ${SCENARIO_SECRETS[0]}
; comment
[default]
aws_security_token = ${SCENARIO_SECRETS[2]}
`;

const FULL_CONFIG = `
import json, botocore.session
print(json.dumps(botocore.session.Session().full_config['profiles']))
`;

describe('mfa-tray profiles', () => {
  it('prints each profile’s kind and effective settings with secrets redacted, as JSON', async () => {
    const { env } = awsFiles(scenarioConfig(), SCENARIO_CREDENTIALS);
    const { io, out } = captureIo(env);
    expect(await runProfiles({ json: true }, io)).toBe(0);
    const report = JSON.parse(out.stdout) as ProfilesReport;
    expect(report.profiles.map((p) => [p.name, p.kind])).toEqual([
      ['FetchMfaCredentials', 'long-term'],
      ['MyRepositoryAssumer', 'mfa-session'],
      ['MyRepositoryContributor', 'role'],
    ]);
    expect(report.profiles[1]!.settings).toEqual({
      expiration: '2030-01-02T03:04:05+00:00',
      aws_access_key_id: scenario.staleSession.accessKeyId,
      aws_secret_access_key: '<redacted>',
      aws_session_token: '<redacted>',
    });
    expect(report.files.config).toBe(env.AWS_CONFIG_FILE);
    for (const secret of SCENARIO_SECRETS) expect(out.stdout + out.stderr).not.toContain(secret);
  });

  it.skipIf(!botocoreAvailable)(
    'gives exactly the settings botocore’s Session.full_config resolves, secrets aside',
    async () => {
      const { env } = awsFiles(TRICKY_CONFIG, TRICKY_CREDENTIALS);
      const { io, out } = captureIo(env);
      expect(await runProfiles({ json: true }, io)).toBe(0);
      const ours = Object.fromEntries(
        (JSON.parse(out.stdout) as ProfilesReport).profiles.map((p) => [p.name, p.settings]),
      );
      const botocore = runBotocore(FULL_CONFIG, [], env) as Record<string, Record<string, unknown>>;
      const redact = (settings: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '<redacted>' : v]));
      expect(ours).toEqual(Object.fromEntries(Object.entries(botocore).map(([name, s]) => [name, redact(s)])));
      expect(Object.keys(ours)).toContain('spaced name');
      expect(ours.default).toMatchObject({
        s3: { max_concurrent_requests: '10', Addressing_Style: 'path' },
        cli_pager: 'first\nsecond line',
      });
    },
  );

  it('prints a readable list without secrets', async () => {
    const { env } = awsFiles(TRICKY_CONFIG, TRICKY_CREDENTIALS);
    const { io, out } = captureIo(env);
    expect(await runProfiles({}, io)).toBe(0);
    expect(out.stdout).toMatch(
      /^MyRepositoryContributor {2}\(role, account 222222222222, MFA arn:aws:iam::111111111111:mfa\/MyRepositoryUser\)$/m,
    );
    expect(out.stdout).toMatch(/^ {2}aws_secret_access_key +<redacted> +\(credentials\)$/m);
    expect(out.stdout).toMatch(/^ {4}max_concurrent_requests +10$/m);
    expect(out.stdout).toContain('sso-session corp');
    for (const secret of SCENARIO_SECRETS) expect(out.stdout + out.stderr).not.toContain(secret);
  });

  it('reports a file botocore would reject with file and line, exit 1', async () => {
    const { env } = awsFiles(`${scenarioConfig()}\n[profile x]\nregion = a\nregion = b\n`, SCENARIO_CREDENTIALS);
    const human = captureIo(env);
    expect(await runProfiles({}, human.io)).toBe(1);
    expect(human.out.stderr).toMatch(new RegExp(`^ {2}${env.AWS_CONFIG_FILE}:16: .+`, 'm'));
    const json = captureIo(env);
    expect(await runProfiles({ json: true }, json.io)).toBe(1);
    expect((JSON.parse(json.out.stdout) as ProfilesReport).problems).toEqual([
      expect.objectContaining({ file: env.AWS_CONFIG_FILE, fileRole: 'config', line: 16 }),
    ]);
  });

  it('neutralises terminal escape sequences in values', async () => {
    const { env } = awsFiles('[profile x]\nregion = \u001b[31mred\n', '');
    const { io, out } = captureIo(env);
    await runProfiles({}, io);
    expect(out.stdout).toContain('\\x1b[31mred');
    expect(out.stdout).not.toContain('\u001b');
  });
});

describe('the mfa-tray command line', () => {
  const entry = join(import.meta.dirname, '..', 'mfa-tray.ts');
  const tsx = join(import.meta.dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const run = (args: string[], env: NodeJS.ProcessEnv) =>
    promisify(execFile)(tsx, [entry, ...args], { env: { PATH: process.env.PATH, ...env } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );

  it('runs the report commands from the real entry point: env vars honoured, usage errors exit 2', async () => {
    const { env } = awsFiles(scenarioConfig(), SCENARIO_CREDENTIALS);
    const [profiles, badOption] = await Promise.all([
      run(['profiles', '--json'], env),
      run(['status', '--no-such-option'], env),
    ]);
    expect(profiles.code).toBe(0);
    expect((JSON.parse(profiles.stdout) as ProfilesReport).profiles).toHaveLength(3);
    expect(badOption.code).toBe(2);
  });

  it('has --help on both report commands', () => {
    const program = new Command('mfa-tray');
    registerProfilesCommand(program);
    registerStatusCommand(program);
    const help = Object.fromEntries(program.commands.map((c) => [c.name(), c.helpInformation()]));
    expect(help.profiles).toContain('Usage: mfa-tray profiles [options]');
    expect(help.status).toContain('--warn-before <minutes>');
  });
});
