// `npm start`: builds the app and starts it with the Electron binary. Electron's package downloads that binary on
// first use and, where its download host cannot be reached, prints a stack trace and advice that fails the same
// way; this checks first and, when the binary is missing and cannot be fetched, says so in one line before
// anything is built or changed, and points to the CLI, which needs no Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The Electron binary as `require('electron')` would return it, or undefined when it is not on disk. */
export function electronBinary(electronDir, env = process.env) {
  let relative;
  try {
    relative = readFileSync(join(electronDir, 'path.txt'), 'utf8');
  } catch {
    relative = undefined;
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron')
    : relative && join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : undefined;
}

/** Where Electron's installer downloads from (its mirror settings, else GitHub). */
export function downloadHost(env = process.env) {
  const mirror = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? 'https://github.com/';
  try {
    return new URL(mirror).host;
  } catch {
    return mirror;
  }
}

/** Runs Electron's own installer quietly; its failure becomes one reason (the error, not the stack). */
export function installElectron(electronDir, env = process.env) {
  const run = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    env,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (run.status === 0) return { ok: true };
  const lines = `${run.stderr ?? ''}\n${run.stdout ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at ') && !line.startsWith('Downloading'));
  return { ok: false, reason: lines[0] ?? (run.error ? run.error.message : `the installer exited with ${run.status}`) };
}

function runNpm(args, env) {
  // Under `npm start`, npm says where its own CLI is; elsewhere `npm` is on PATH.
  const npm = env.npm_execpath;
  const run = npm
    ? spawnSync(process.execPath, [npm, ...args], { cwd: root, env, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  return run.status ?? 1;
}

/** The whole of `npm start`; the steps are parameters so the missing-binary path is tested without a download. */
export function start({
  electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json')),
  env = process.env,
  stderr = (text) => process.stderr.write(text),
  install = installElectron,
  build = () => runNpm(['run', 'build'], env),
  launch = (binary) => spawnSync(binary, [root], { stdio: 'inherit', env }).status ?? 1,
} = {}) {
  let binary = electronBinary(electronDir, env);
  if (!binary) {
    const installed = install(electronDir, env);
    binary = installed.ok ? electronBinary(electronDir, env) : undefined;
    if (!binary) {
      const reason = installed.ok ? 'the installer finished but left no binary' : installed.reason;
      stderr(
        `npm start: the Electron binary is not installed and could not be downloaded from ${downloadHost(env)} (${reason}). Nothing was changed; the mfa-tray command works without it: npx mfa-tray status\n`,
      );
      return 1;
    }
  }
  const built = build();
  if (built !== 0) return built;
  return launch(binary);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(start());
