// `mfa-tray git-credential PROFILE [--source PROFILE] get`: a git credential helper. Given the MFA session
// profile it is listed BEFORE `aws codecommit credential-helper` and never answers git (stdout stays empty, so git
// asks the next helper): it only makes sure the session is fresh, renewing on the terminal, so an expired session
// no longer ends in git asking for a username that the user has to Ctrl-C. Given the ROLE profile it replaces the
// AWS CLI's helper: it freshens the role's MFA session the same way, takes the role's keys from the AWS CLI's
// assume-role cache (assuming the role when they are missing or ending) and answers git with CodeCommit's
// username and password itself, with no Python AWS CLI started.
import { fstatSync, readSync } from 'node:fs';
import type { Command } from 'commander';
import { codeCommitGitCredentials, codeCommitRegion, roleKeysFor } from '../../core/codecommit';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { loadProfileModel, type ProfileModel } from '../../core/profiles';
import { isMfaRoleTarget } from '../../core/renewal/role-target';
import { systemClock } from '../../core/time/clock';
import { notASession, seenSession, sessionTarget, targetCredentials, validCredentials } from '../terminal/session-keys';
import { errorMessage } from '../../shared/error-message';
import { writeStdout } from '../output/write-stdout';

const GIT_CREDENTIAL_HELP = `
git runs this with the operation last (get, store or erase) and the request on stdin. For "get" it checks the
MFA session and, when it has expired (or has 2 minutes or less left), asks for a code on the terminal and
renews it (asking again after a code AWS rejects, up to 3 codes). With no terminal (a git GUI, an IDE,
GIT_TERMINAL_PROMPT=0) the running MFA Tray app shows its token dialog, naming git and the folder, and git
waits for it (the wait is a setting, 2 minutes by default); with no app either it says to run \`git mfa\`.
It exits 0 whatever happens, a cancelled dialog too (only a malformed command line exits 2), so git always
goes on to its next credential helper when this one does not answer.

Given the MFA session profile it never answers git, and the AWS CLI's helper signs after it:

  [credential]
      helper =
      helper = !mfa-tray git-credential MyRepositoryAssumer --source FetchMfaCredentials
      helper = !aws codecommit --profile MyRepositoryContributor credential-helper $@

Given the role profile it answers git itself for CodeCommit hosts, with no Python AWS CLI started: the role's
keys come from the AWS CLI's own cache (~/.aws/cli/cache), assumed again when they have under 15 minutes left:

  [credential]
      helper =
      helper = !mfa-tray git-credential MyRepositoryContributor
      UseHttpPath = true

An MFA role (mfa_serial on the role profile) works the same way: its own cache entry is renewed on the terminal
(one code, AssumeRole with its device) when it has under 15 minutes left.

A clone through git-remote-codecommit (codecommit::eu-west-1://MyRepositoryContributor@myRepository) asks git for
no credentials: that Python helper signs with the profile in its URL through botocore, so renew the MFA session
behind that profile first (\`git mfa\`, or the MFA Tray icon, which warns before it expires).`;

export interface GitCredentialOptions {
  source?: string;
  /** Sign for any host, not just CodeCommit's (local test and demo endpoints). */
  anyHost?: boolean;
}

/** git's request (`key=value` lines). Reading it all means git never meets a closed pipe. */
async function readGitRequest(): Promise<Map<string, string>> {
  const request = new Map<string, string>();
  // By hand on a terminal there is no request to wait for. (A terminal is a character device: checked so, since
  // node:tty loads the net and stream modules, which cost more than the rest of the pre-check.)
  if (stdinIsCharacterDevice()) return request;
  for (const line of (await readStdin()).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) request.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  return request;
}

function stdinIsCharacterDevice(): boolean {
  try {
    return fstatSync(0).isCharacterDevice();
  } catch {
    return false; // no stdin at all: readStdin finds it empty
  }
}

/**
 * All of stdin. Read with plain reads of fd 0: process.stdin's stream machinery costs more to load than the rest
 * of the pre-check. A non-blocking stdin (EAGAIN: a parent that shares its own) is read as a stream instead.
 */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    let bytesRead: number;
    try {
      bytesRead = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EOF' || code === 'EBADF') break; // Windows' closed pipe; no stdin at all
      if (code !== 'EAGAIN') throw error;
      for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
      break;
    }
    if (bytesRead === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** git's own switch for "never prompt" (GUIs, scripts, our wizard's clone) rules out our prompt as well. */
function terminalAllowed(): boolean {
  return process.env.GIT_TERMINAL_PROMPT !== '0';
}

/** Renews the session (or MFA role) on the terminal when needed; true when it is valid afterwards. */
async function freshenSession(model: ProfileModel, target: string, options: GitCredentialOptions): Promise<boolean> {
  // With --source the pair is explicit (as `git mfa` renews it); without, the target must be a known session.
  const session = options.source === undefined ? sessionTarget(model, target) : target;
  const unusable = options.source === undefined ? notASession(model, target, session) : undefined;
  if (unusable) {
    process.stderr.write(`mfa-tray git-credential: ${unusable}\n`);
    return false;
  }
  const cacheDir = resolveAwsFileLocations(process.env).cliCacheDir;
  if (await targetCredentials(model, session, cacheDir, Date.now())) return true;
  // Renewal's modules (the SDK among them) load only when a renewal is due.
  const { openTerminal } = await import('../terminal/code-sources');
  const terminal = terminalAllowed() ? openTerminal() : undefined;
  if (!terminal) return renewedByApp(session, isMfaRoleTarget(model, session) ? 'role' : 'session');
  const { renewOnTerminal } = await import('../terminal/terminal-renewal');
  const outcome = await renewOnTerminal(terminal, {
    target: session,
    source: options.source,
    seen: seenSession(model, session),
  });
  if (outcome.kind !== 'renewed') process.stderr.write(`${outcome.message}\n`);
  return outcome.kind === 'renewed';
}

/**
 * No terminal (a git GUI, an IDE, GIT_TERMINAL_PROMPT=0): the running app's token dialog asks for the code. Whatever
 * the answer, git goes on (exit 0): cancelled or timed out, it meets the next helper or its own prompt.
 */
async function renewedByApp(session: string, what: 'session' | 'role'): Promise<boolean> {
  const { renewThroughApp } = await import('../terminal/app-prompt');
  const answer = await renewThroughApp(session, process.stderr);
  if (answer.kind === 'renewed') return true;
  process.stderr.write(
    answer.kind === 'not-running'
      ? `The MFA ${what} "${session}" has expired: start MFA Tray (its dialog then asks for the code) or run \`git mfa\`, then retry.\n`
      : `mfa-tray git-credential: ${answer.message}\n`,
  );
  return false;
}

/** Role mode: CodeCommit's username and password for git's host and path, signed with the role's keys. */
async function answerForRole(
  roleProfile: string,
  request: Map<string, string>,
  options: GitCredentialOptions,
  loaded: ProfileModel,
): Promise<void> {
  const host = request.get('host') ?? '';
  const hostRegion = codeCommitRegion(host);
  // Not CodeCommit's: step aside so git asks its next helper (unless told to sign for a local endpoint).
  if (hostRegion === undefined && !options.anyHost) return;
  const locations = resolveAwsFileLocations(process.env);
  let model = loaded;
  const role = model.roles.find((candidate) => candidate.profile === roleProfile);
  if (role?.mfaSessionTarget !== undefined) {
    const wasValid = validCredentials(model, role.mfaSessionTarget, Date.now()) !== undefined;
    if (!(await freshenSession(model, role.mfaSessionTarget, options))) return;
    if (!wasValid) model = await loadProfileModel(locations);
  }
  // An MFA role (mfa_serial on the role profile): its own cache entry is renewed on the terminal, with its device.
  if (role?.mfaRole !== undefined && !(await freshenSession(model, roleProfile, options))) return;
  const region = hostRegion ?? role?.region;
  if (region === undefined) {
    process.stderr.write(`mfa-tray git-credential: set region in the ${roleProfile} profile to sign for ${host}.\n`);
    return;
  }
  const roleKeys = await roleKeysFor(roleProfile, {
    model,
    cacheDir: locations.cliCacheDir,
    clock: systemClock,
    gateway: async (keys) => {
      const { createStsGateway } = await import('../../core/sts');
      const settings = model.profiles.get(roleProfile)?.settings;
      return createStsGateway({
        keys,
        profileName: roleProfile,
        ...(settings && { profileSettings: settings }),
        env: process.env,
      });
    },
  });
  if (!roleKeys.ok) {
    process.stderr.write(`mfa-tray git-credential: ${roleKeys.message}\n`);
    return;
  }
  const path = request.get('path') ?? '';
  const credentials = await codeCommitGitCredentials({ host, path, region, keys: roleKeys.keys, at: new Date() });
  writeStdout(`username=${credentials.username}\npassword=${credentials.password}\n`);
}

async function run(profile: string, request: Map<string, string>, options: GitCredentialOptions): Promise<void> {
  const model = await loadProfileModel(resolveAwsFileLocations(process.env));
  if (options.source === undefined && model.roles.some((role) => role.profile === profile)) {
    await answerForRole(profile, request, options, model);
    return;
  }
  await freshenSession(model, profile, options);
}

export function registerGitCredentialCommand(program: Command): void {
  program
    .command('git-credential')
    .description(
      'git credential helper: renew an expired MFA session on the terminal before the CodeCommit helper runs.',
    )
    .argument(
      '<profile>',
      'the MFA session profile to keep fresh (e.g. MyRepositoryAssumer), or the role profile to sign with (e.g. MyRepositoryContributor)',
    )
    .argument('<operation>', 'what git asks: get, store or erase')
    .option('--source <profile>', 'profile with the long-term keys and mfa_serial (default: the paired one)')
    .option('--any-host', 'with a role profile: sign for any host, not only CodeCommit (local test endpoints)')
    .addHelpText('after', GIT_CREDENTIAL_HELP)
    .action(gitCredential);
}

/** The command itself, also run straight from the CLI's entry for git's own command lines (hot-commands.ts). */
export async function gitCredential(target: string, operation: string, options: GitCredentialOptions): Promise<void> {
  const request = await readGitRequest();
  // git's protocol: store, erase and any operation a newer git invents are ignored silently.
  if (operation !== 'get') return;
  try {
    await run(target, request, options);
  } catch (error) {
    // Whatever went wrong, git must still reach the next helper: say why here and step aside.
    process.stderr.write(`mfa-tray git-credential: ${errorMessage(error)}\n`);
  }
}
