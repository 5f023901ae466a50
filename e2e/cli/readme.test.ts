// The README as a newcomer uses it: every command in it is run here as written, checked (a developer script that
// must exist, a synopsis whose options must be in --help) or skipped with the reason below; its example files go
// through botocore and then, with the scenario's keys in place of the `…` placeholders, through a real renewal.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { botocoreAvailable, runBotocore } from '../../testing/botocore';
import { ensureCliBuilt } from '../../testing/cli/build-cli';
import { CLI, runAws, runCli, runProcess } from '../../testing/cli/run-cli';
import { helperSettings } from '../../electron/core/onboarding';
import { opensslAvailable } from '../../testing/tls/test-certificates';
import { scenario, scenarioCode } from '../../testing/scenario/scenario';

const root = fileURLToPath(new URL('../..', import.meta.url));
const README_REPOSITORY = {
  name: 'myRepository',
  region: 'eu-west-1',
  roleProfile: 'MyRepositoryContributor',
  parentFolder: '.',
  targetProfile: 'MyRepositoryAssumer',
  sourceProfile: 'FetchMfaCredentials',
};
const README = readFileSync(join(root, 'README.md'), 'utf8');
const SEED = join(root, 'testing', 'scenario', 'scenario-seed.json');
const packageScripts = Object.keys(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts,
);

interface Block {
  lang: string;
  body: string;
}
const blocks: Block[] = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));
const shellCommands = blocks
  .filter((block) => block.lang === 'sh')
  .flatMap((block) => block.body.trim().split('\n'))
  .flatMap((line) => line.split('&&').map((command) => command.trim()));
// Inline commands (a code span may wrap onto the next line).
const inlineCommands = [...README.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/`([^`]+)`/g)]
  .map((m) => m[1]!.replace(/\s+/g, ' '))
  .filter((span) => /^(npx|npm|mfa-tray|\/usr\/bin\/aws|aws|git|sudo) /.test(span) || span === 'npm test');

/** Not run, each for its reason. */
const SKIPPED: Array<[RegExp, string]> = [
  [/^npm ci$/, 'reinstalling would delete the node_modules this test runs from; the suite running proves it'],
  [/^npm start$/, 'needs the Electron binary (not downloadable here); scripts/start tests its no-binary answer'],
  [/^npm test$/, 'is the suite that runs this test'],
  [/^sudo apt-get install /, 'installs system packages; the test machine has them'],
  [/^aws configure set$/, 'names what the AWS CLI does, not a step to take'],
  [/^aws (--profile MyRepositoryContributor|codecommit credential-helper)$/, 'names what the AWS CLI does, not a step'],
  [/^npm link$/, "links into npm's global folder, outside the test's reach; bin/mfa-tray.cjs is what it links"],
];
/** Checked, not run: the suite's own scripts and the long soaks (running them here would run the suite inside itself). */
const CHECKED: Array<[RegExp, (command: string) => void]> = [
  [/^npm run (\S+)$/, (command) => expect(packageScripts).toContain(command.split(' ')[2])],
  [/^npx tsx (scripts\/\S+)/, (command) => expect(existsSync(join(root, command.split(' ')[2]!))).toBe(true)],
  [
    /^mfa-tray renew TARGET --device-code$/,
    // Needs the running app (it makes the lab device's codes): the option must be there.
    () =>
      expect(execFileSync(process.execPath, [CLI, 'renew', '--help'], { encoding: 'utf8' })).toContain('--device-code'),
  ],
];
/** Run below, as written. */
const RUN = [
  /^npm run demo$/,
  /^mfa-tray renew MyRepositoryAssumer$/,
  /^\/usr\/bin\/aws sts get-caller-identity --profile MyRepositoryContributor$/,
  /^\/usr\/bin\/aws sts get-caller-identity --profile MyRepositoryAssumer --endpoint-url … --region us-east-1$/,
  /^npm run sts-emulator -- --port 0 --seed FILE$/,
  /^git mfa$/,
];

const started: ChildProcess[] = [];
afterEach(() => {
  // Each was started detached: its process group (npm, its shell, the server) ends with it.
  for (const child of started.splice(0)) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
});

/** Starts a README command line (npm run …) and resolves with its output once `ready` matches it. */
async function startCommand(command: string, ready: RegExp): Promise<string> {
  const child = spawn('/bin/sh', ['-c', command], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) resolve(out);
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', () => reject(new Error(`${command} ended early:\n${out}`)));
  });
}

function iniBlock(file: 'config' | 'credentials'): string {
  const block = blocks.find((b) => b.lang === 'ini' && b.body.startsWith(`# ~/.aws/${file}\n`));
  if (!block) throw new Error(`the README has no ${file} example`);
  return block.body;
}

const commandWith = (pattern: RegExp) => {
  const found = [...shellCommands, ...inlineCommands].find((command) => pattern.test(command));
  if (!found) throw new Error(`the README no longer says ${pattern}`);
  return found;
};

beforeAll(() => ensureCliBuilt(), 120_000);

describe('the README', () => {
  it('has no command this test does not run, check or skip for a stated reason', () => {
    const known = (command: string) =>
      SKIPPED.some(([pattern]) => pattern.test(command)) ||
      CHECKED.some(([pattern]) => pattern.test(command)) ||
      RUN.some((pattern) => pattern.test(command));
    expect([...shellCommands, ...inlineCommands].filter((command) => !known(command))).toEqual([]);
    for (const command of inlineCommands) {
      const check = CHECKED.find(([pattern]) => pattern.test(command));
      check?.[1](command);
    }
  });

  it.skipIf(!botocoreAvailable)('example files mean to botocore exactly what they say (no comment in a value)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readme-ini-'));
    writeFileSync(join(dir, 'config'), iniBlock('config'));
    writeFileSync(join(dir, 'credentials'), iniBlock('credentials'));
    const parsed = runBotocore(
      'import json,sys; from botocore.configloader import raw_config_parse as p; print(json.dumps([p(sys.argv[1]), p(sys.argv[2])]))',
      [join(dir, 'config'), join(dir, 'credentials')],
    ) as Array<Record<string, Record<string, string>>>;
    const [config, credentials] = parsed as [
      Record<string, Record<string, string>>,
      Record<string, Record<string, string>>,
    ];
    expect(config['profile MyRepositoryAssumer']).toEqual({ expiration: '2026-11-26T19:52:31Z' });
    expect(config['profile FetchMfaCredentials']).toEqual({
      mfa_serial: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser',
      get_session_token_duration_seconds: '86400',
    });
    expect(credentials.FetchMfaCredentials).toEqual({ aws_access_key_id: 'AKIA…', aws_secret_access_key: '…' });
    expect(Object.keys(credentials)).toEqual(['FetchMfaCredentials', 'MyRepositoryAssumer']);
    for (const section of [...Object.values(config), ...Object.values(credentials)])
      for (const value of Object.values(section)) expect(value).not.toMatch(/[#;]/);
  });

  it(
    'example files, its CLI lines and its git config work against the README’s own emulator command',
    { timeout: 120_000 },
    async () => {
      const emulatorCommand = commandWith(/^npm run sts-emulator /).replace('FILE', `"${SEED}"`);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(
        await startCommand(emulatorCommand, /http:\/\/127\.0\.0\.1:\d+\n/),
      )![0];
      const dir = mkdtempSync(join(tmpdir(), 'readme-run-'));
      // The placeholders stand for your own keys: the scenario's (known to the emulator) take their place.
      const credentials = iniBlock('credentials')
        .replace('aws_access_key_id = AKIA…', `aws_access_key_id = ${scenario.activeKey.id}`)
        .replace('aws_secret_access_key = …', `aws_secret_access_key = ${scenario.activeKey.secret}`);
      writeFileSync(join(dir, 'config'), iniBlock('config'));
      writeFileSync(join(dir, 'credentials'), credentials);
      const env = {
        PATH: process.env.PATH,
        HOME: dir,
        AWS_CONFIG_FILE: join(dir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
        AWS_ENDPOINT_URL_STS: url,
        AWS_EC2_METADATA_DISABLED: 'true',
        MFA_TRAY_STATE_DIR: join(dir, 'state'),
        GIT_CONFIG_NOSYSTEM: '1',
      };

      // The synopsis: each line's options are in its command's help, and the report commands run on the examples.
      const synopsis = blocks
        .find((b) => b.lang === '' && b.body.startsWith('mfa-tray '))!
        .body.trim()
        .split('\n');
      for (const line of synopsis) {
        const [, command = ''] = /^mfa-tray ([a-z-]+(?:\|[a-z-]+)*|--version)/.exec(line) ?? [];
        if (command === '--version') {
          expect((await runCli(['--version'], env)).code).toBe(0);
          continue;
        }
        for (const sub of command.split('|')) {
          const words = command.includes('|') ? [line.split(' ')[1]!, sub] : [sub];
          const help = await runCli([...words, '--help'], env);
          expect(help.code, line).toBe(0);
          for (const option of line.match(/--[a-z-]+/g) ?? [])
            expect(help.stdout, `${line}: ${option}`).toContain(option);
        }
      }
      for (const args of [['status'], ['status', '--json'], ['profiles'], ['profiles', '--json']]) {
        const result = await runCli(args, env);
        expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      }
      const status = JSON.parse((await runCli(['status', '--json'], env)).stdout) as {
        mfaSessions: Array<{ target: string; source: string; device: string }>;
        roles: Array<{ profile: string; chain: string[] }>;
      };
      expect(status.mfaSessions).toMatchObject([
        { target: 'MyRepositoryAssumer', source: 'FetchMfaCredentials', device: scenario.mfaSerial },
      ]);
      expect(status.roles).toMatchObject([
        { profile: 'MyRepositoryContributor', chain: ['MyRepositoryContributor', 'MyRepositoryAssumer'] },
      ]);

      // The git config, with `mfa-tray` by absolute path as the README says the wizard writes it; then `git mfa`.
      const [ours, awsCli] = blocks.filter((b) => b.body.startsWith('[credential]'));
      const wizardLines = (credentialHelper: 'mfa-tray' | 'aws-cli') =>
        helperSettings({ ...README_REPOSITORY, credentialHelper }, { argv: ['mfa-tray'] }).map(
          ([key, value]) => `    ${key.split('.')[1]} =${value ? ` ${value}` : ''}`,
        );
      expect(ours!.body).toContain(['[credential]', ...wizardLines('mfa-tray')].join('\n'));
      expect(awsCli!.body).toBe(`${['[credential]', ...wizardLines('aws-cli')].join('\n')}\n`);
      const gitBlock = ours!.body.replaceAll('!mfa-tray ', `!${CLI} `);
      const repo = join(dir, 'repo');
      execFileSync('git', ['init', '-q', repo], { env });
      writeFileSync(join(repo, '.git', 'config'), `${readFileSync(join(repo, '.git', 'config'), 'utf8')}${gitBlock}`);
      const helpers = execFileSync('git', ['-C', repo, 'config', '--get-all', 'credential.helper'], {
        env,
        encoding: 'utf8',
      });
      expect(helpers.split('\n').slice(0, 2)).toEqual(['', `!${CLI} git-credential MyRepositoryContributor`]);
      const [git, ...gitArgs] = commandWith(/^git mfa$/).split(' ');
      const expired = Date.parse('2026-11-26T19:52:31Z') < Date.now();
      const renewed = await runProcess(
        '/usr/bin/env',
        [git!, '-C', repo, ...gitArgs, ...(expired ? [] : ['--force'])],
        env,
        `${scenarioCode(Date.now())}\n`,
      );
      expect(renewed, renewed.stderr).toMatchObject({ code: 0 });
      expect(renewed.stdout).toMatch(/^Renewed "MyRepositoryAssumer"/);

      const identity = await runAws(
        [
          'sts',
          'get-caller-identity',
          '--profile',
          'MyRepositoryAssumer',
          '--endpoint-url',
          url,
          '--region',
          'us-east-1',
        ],
        env,
      );
      expect(identity.code, identity.stderr).toBe(0);
      expect(JSON.parse(identity.stdout)).toMatchObject({ Account: '111111111111' });
    },
  );

  it(
    'demo: `npm run demo`, then its renew and AWS CLI lines as the README gives them',
    { timeout: 120_000 },
    async () => {
      const out = await startCommand(commandWith(/^npm run demo$/), /code \d{6}/);
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: mkdtempSync(join(tmpdir(), 'readme-demo-')) };
      for (const [, name, value] of out.matchAll(/^export (\w+)=(.*)$/gm)) env[name!] = value!;
      const url = env.AWS_ENDPOINT_URL_STS!;
      // `mfa-tray` as `npm link` installs it: bin/mfa-tray.cjs.
      const [, ...renewArgs] = commandWith(/^mfa-tray renew /).split(' ');
      const renewed = await runProcess(process.execPath, [CLI, ...renewArgs], env, `${scenarioCode(Date.now())}\n`);
      expect(renewed, renewed.stderr).toMatchObject({ code: 0 });
      // "--endpoint-url …": the demo prints the line with its own address.
      const awsLine = commandWith(/^\/usr\/bin\/aws sts get-caller-identity /);
      expect(out).toContain(awsLine.replace('…', url));
      const [, ...awsArgs] = awsLine.replace('…', url).split(' ');
      const identity = await runAws(awsArgs, env);
      expect(identity.code, identity.stderr).toBe(0);
      expect(JSON.parse(identity.stdout)).toMatchObject({ Account: '111111111111' });
      if (!opensslAvailable) return; // the demo says its proxy needs openssl, and prints no role or clone lines
      // The role profile with the AWS CLI, through the demo's proxy (2.9 takes no STS endpoint for the role).
      const [, ...roleArgs] = commandWith(
        /^\/usr\/bin\/aws sts get-caller-identity --profile MyRepositoryContributor$/,
      ).split(' ');
      const role = await runAws(roleArgs, env);
      expect(role.code, role.stderr).toBe(0);
      expect(JSON.parse(role.stdout)).toMatchObject({ Account: '222222222222' });
      // Its clone lines, as printed (each `\`-continued pair is one command), with mfa-tray by absolute path.
      const clones = [...out.matchAll(/^ {2}(git -c .*)\\\n {6}(.*clone .*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
      expect(clones).toHaveLength(2);
      for (const [index, line] of clones.entries()) {
        const command = line
          .replace('!mfa-tray ', `!${process.execPath} ${CLI} `)
          .replace(/clone (\S+)$/, `clone $1 clone-${index}`);
        const cloned = await runProcess('/bin/sh', ['-c', `cd "${env.HOME}" && ${command}`], {
          ...env,
          GIT_TERMINAL_PROMPT: '0',
        });
        expect(cloned.code, `${line}\n${cloned.stderr}`).toBe(0);
      }
    },
  );
});
