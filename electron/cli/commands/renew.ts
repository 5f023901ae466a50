// `mfa-tray renew TARGET`: the scenario's renewal script in one command, safe to run many times at once.
import { InvalidArgumentError, type Command } from 'commander';
import { renewWithLabCodes } from '../../core/lab-devices';
import {
  CodeEntryCancelled,
  formatExpiration,
  renew,
  targetExpiration,
  type CodeSource,
  type RenewOutcome,
  type RenewRequest,
} from '../../core/renewal';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { loadProfileModel } from '../../core/profiles';
import { SESSION_DURATION } from '../../shared/vocabulary';
import { appDeviceCodeSource } from './devices';
import { EXIT_CODES_HELP, exitCodeFor } from '../terminal/exit-codes';
import { fixedCode, promptCode, stdinCode } from '../terminal/code-sources';
import { cliRenewDeps, parseSeconds } from '../terminal/renew-deps';
import { renewAskingAgain } from '../terminal/next-code-wait';
import { errorMessage } from '../../shared/error-message';

interface RenewOptions {
  source?: string;
  code?: string;
  duration?: number;
  timeout?: number;
  force?: boolean;
  deviceCode?: boolean;
}

function seconds(what: string) {
  return (value: string): number => {
    try {
      return parseSeconds(value, what);
    } catch (error) {
      throw new InvalidArgumentError(errorMessage(error));
    }
  };
}

/** The code's source, whether a person is there to ask again (a prompt, not --code or a pipe), and whether a piped
 * stdin turned out to hold no code at all (a GUI, an IDE, Windows' packaged `git mfa`: then the app is asked). */
function codeSourceFor(options: RenewOptions): { source: CodeSource; interactive: boolean; stdinEmpty: () => boolean } {
  if (options.code !== undefined)
    return { source: fixedCode(options.code), interactive: false, stdinEmpty: () => false };
  if (process.stdin.isTTY) return { source: promptCode(), interactive: true, stdinEmpty: () => false };
  const stdin = stdinCode();
  let empty = false;
  const source: CodeSource = {
    getCode: (request) =>
      stdin.getCode(request).catch((error: unknown) => {
        if (error instanceof CodeEntryCancelled) empty = true;
        throw error;
      }),
  };
  return { source, interactive: false, stdinEmpty: () => empty };
}

async function renewTyped(request: Omit<RenewRequest, 'codeSource'>, options: RenewOptions): Promise<RenewOutcome> {
  const { source, interactive, stdinEmpty } = codeSourceFor(options);
  const attempt = () => renew({ ...request, codeSource: source }, cliRenewDeps(options.timeout));
  const outcome = await (interactive ? renewAskingAgain(attempt, process.stderr) : attempt());
  // Nobody to ask here: the running app's token dialog asks instead (not for --force, which it cannot express).
  if (outcome.kind === 'cancelled' && stdinEmpty() && !request.force) return renewInApp(request.target, outcome);
  return outcome;
}

/** The app renews in its dialog; the new expiration is read back from the files (no secret crosses the socket). */
async function renewInApp(target: string, noStdin: RenewOutcome): Promise<RenewOutcome> {
  const { renewThroughApp } = await import('../terminal/app-prompt');
  const answer = await renewThroughApp(target, process.stderr);
  switch (answer.kind) {
    case 'renewed': {
      const expiration = targetExpiration(await loadProfileModel(resolveAwsFileLocations(process.env)), target);
      if (!expiration)
        return {
          kind: 'file-problem',
          category: 'user',
          message: `MFA Tray renewed "${target}" but its expiration could not be read back.`,
        };
      return {
        kind: 'renewed',
        category: 'ok',
        target,
        expiration,
        sharedWithConcurrentRenewal: true,
        message: `Renewed "${target}" in the MFA Tray dialog; valid until ${formatExpiration(expiration)}.`,
      };
    }
    case 'not-running':
      return {
        ...noStdin,
        message: `${noStdin.message} Pass --code, type it on a terminal, or start MFA Tray (its dialog then asks for the code).`,
      };
    case 'failed':
      return { kind: 'network', category: 'aws', message: answer.message };
    default:
      return { kind: 'cancelled', category: 'user', message: answer.message };
  }
}

export function registerRenewCommand(program: Command): void {
  program
    .command('renew')
    .description('Renew an MFA session profile with GetSessionToken, if it has expired (or with --force).')
    .argument('<target>', 'profile that receives the session keys, e.g. MyRepositoryAssumer')
    .option('--source <profile>', 'profile with the long-term keys and mfa_serial (default: the paired one)')
    .option('--code <code>', 'the 6-digit MFA code (default: stdin when piped, else a prompt)')
    .option(
      '--duration <seconds>',
      `session length, ${SESSION_DURATION.min}-${SESSION_DURATION.max} (default: get_session_token_duration_seconds)`,
      seconds('--duration'),
    )
    .option('--timeout <seconds>', 'give up waiting for AWS STS after this long (default 15)', seconds('--timeout'))
    .option('--force', 'renew even if the session is still valid')
    .option(
      '--device-code',
      'lab devices only: the running MFA Tray app makes the code (waits for the next one if this window was used)',
    )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (target: string, options: RenewOptions) => {
      const request = { target, source: options.source, durationSeconds: options.duration, force: options.force };
      const outcome = options.deviceCode
        ? await renewWithLabCodes(request, appDeviceCodeSource(process.env), cliRenewDeps(options.timeout))
        : await renewTyped(request, options);
      const ok = outcome.kind === 'renewed' || outcome.kind === 'still-valid';
      (ok ? process.stdout : process.stderr).write(`${outcome.message}\n`);
      process.exitCode = exitCodeFor(outcome);
    });
}
