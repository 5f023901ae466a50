// The `mfa-tray` command of the installed app (assets/packaging/bin), run as a packaged user runs it: from a copy of
// each platform's install layout in a folder whose name has spaces, `~` and brackets, through the symlinks the deb
// and the macOS "Install mfa-tray command" make. The app binary is a stand-in that acts as Node only when
// ELECTRON_RUN_AS_NODE=1, as Electron with the RunAsNode fuse on does (else it would start the GUI: exit 99 here).
// The CLI bundle is copied alone, without node_modules, as extraResources ships it.
import { describe, expect, it } from 'vitest';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioCode } from '../../testing/scenario/scenario';
import { useScenarioEmulator } from '../../testing/cli/scenario-emulator';
import { runProcess } from '../../testing/cli/run-cli';
import { createScenarioLab, SOURCE, TARGET } from '../../testing/scenario/scenario-lab';

const emulator = useScenarioEmulator('test');
const root = fileURLToPath(new URL('../../', import.meta.url));
const posix = process.platform !== 'win32';

/** An install folder: the app binary at `binary`, resources at `resources`. */
async function installLayout(kind: 'linux' | 'mac' | 'windows'): Promise<{ base: string; launcher: string }> {
  const base = await mkdtemp(join(tmpdir(), 'mfa-tray-install [~x] '));
  const app =
    kind === 'mac'
      ? { binary: 'MFA Tray.app/Contents/MacOS/MFA Tray', resources: 'MFA Tray.app/Contents/Resources' }
      : kind === 'windows'
        ? { binary: 'MFA Tray/MFA Tray.exe', resources: 'MFA Tray/resources' }
        : { binary: 'MFA Tray/mfa-tray-app', resources: 'MFA Tray/resources' };
  const resources = join(base, app.resources);
  await mkdir(join(resources, 'bin'), { recursive: true });
  await mkdir(join(resources, 'cli'), { recursive: true });
  await mkdir(dirname(join(base, app.binary)), { recursive: true });
  await cp(join(root, 'dist/cli'), join(resources, 'cli'), { recursive: true });
  if (kind === 'windows') {
    await copyFile(process.execPath, join(base, app.binary));
    await copyFile(join(root, 'assets/packaging/bin/mfa-tray.cmd'), join(resources, 'bin/mfa-tray.cmd'));
    return { base, launcher: join(resources, 'bin/mfa-tray.cmd') };
  }
  await writeFile(
    join(base, app.binary),
    `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo 'started the GUI' >&2; exit 99; }\nexec '${process.execPath}' "$@"\n`,
  );
  await chmod(join(base, app.binary), 0o755);
  await copyFile(join(root, 'assets/packaging/bin/mfa-tray'), join(resources, 'bin/mfa-tray'));
  await chmod(join(resources, 'bin/mfa-tray'), 0o755);
  return { base, launcher: join(resources, 'bin/mfa-tray') };
}

describe.runIf(posix)('the packaged mfa-tray command (sh launcher)', () => {
  it.each(['linux', 'mac'] as const)(
    'renews with the code from stdin and reports status, exit codes kept, in the %s layout',
    async (kind) => {
      const { base, launcher } = await installLayout(kind);
      try {
        const lab = await createScenarioLab(emulator().url);
        // What the deb (/usr/bin/mfa-tray) and the macOS menu item (/usr/local/bin/mfa-tray) put on the PATH.
        const onPath = join(base, 'usr-bin');
        await mkdir(onPath);
        await symlink(launcher, join(onPath, 'mfa-tray'));
        const env = { ...lab.env, PATH: `${onPath}:/usr/bin:/bin`, DISPLAY: '' };

        const renewed = await runProcess(
          join(onPath, 'mfa-tray'),
          ['renew', TARGET],
          env,
          `${scenarioCode(Date.now())}\n`,
        );
        expect(renewed.stderr).toBe('');
        expect(renewed.code).toBe(0);
        expect(await readFile(lab.credentialsPath, 'utf8')).toMatch(
          new RegExp(`\\[${TARGET}\\][^[]*aws_session_token = `),
        );

        const status = await runProcess(join(onPath, 'mfa-tray'), ['status'], env);
        expect(status.code).toBe(0);
        expect(status.stdout).toContain(TARGET);

        const usage = await runProcess(join(onPath, 'mfa-tray'), ['renew', TARGET, '--no-such-option'], env);
        expect(usage.code).toBe(2);
        expect(usage.stderr).toMatch(/unknown option/);

        // git's helper protocol: request on stdin, nothing on stdout for a valid session.
        const helper = await runProcess(
          launcher,
          ['git-credential', TARGET, '--source', SOURCE, 'get'],
          env,
          'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\n\n',
        );
        expect(helper).toEqual({ code: 0, stdout: '', stderr: '' });
      } finally {
        await rm(base, { recursive: true, force: true });
      }
    },
  );

  it('follows a relative symlink and says so when the app beside it is gone', async () => {
    const { base, launcher } = await installLayout('linux');
    try {
      await mkdir(join(base, 'links'));
      await symlink(join('..', 'MFA Tray', 'resources', 'bin', 'mfa-tray'), join(base, 'links', 'mfa-tray'));
      const help = await runProcess(join(base, 'links', 'mfa-tray'), ['--help'], { PATH: '/usr/bin:/bin' });
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: mfa-tray/);
      await rm(join(base, 'MFA Tray', 'mfa-tray-app'));
      const missing = await runProcess(launcher, ['status'], { PATH: '/usr/bin:/bin' });
      expect(missing.code).toBe(127);
      expect(missing.stderr).toMatch(/MFA Tray app was not found/);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.platform === 'win32')('the packaged mfa-tray command (cmd launcher)', () => {
  it('renews with the code from stdin and keeps the exit codes', async () => {
    const { base, launcher } = await installLayout('windows');
    try {
      const lab = await createScenarioLab(emulator().url);
      const env = { ...lab.env, SystemRoot: process.env.SystemRoot, ComSpec: process.env.ComSpec };
      const cmd = (args: string[], input?: string) =>
        runProcess(process.env.ComSpec ?? 'cmd.exe', ['/d', '/s', '/c', `"${launcher}" ${args.join(' ')}`], env, input);
      const renewed = await cmd(['renew', TARGET], `${scenarioCode(Date.now())}\n`);
      expect(renewed.stderr).toBe('');
      expect(renewed.code).toBe(0);
      expect((await cmd(['renew', TARGET, '--no-such-option'])).code).toBe(2);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
