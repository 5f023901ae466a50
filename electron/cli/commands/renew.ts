// `mfa-tray renew TARGET`: the scenario's renewal script in one command, safe to run many times at once.
import { InvalidArgumentError, type Command } from 'commander';
import { renew, type CodeSource, type RenewOutcome, type RenewRequest } from '../../core/renewal';
import { SESSION_DURATION } from '../../shared/vocabulary/sts-limits';
import { EXIT_CODES_HELP, exitCodeFor } from '../terminal/exit-codes';
import { fixedCode, promptCode, stdinCode } from '../terminal/code-sources';
import { cliRenewDeps, parseSeconds } from '../terminal/renew-deps';
import { renewWaitingForNextCode } from '../terminal/next-code-wait';
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

/** The code's source, and whether a person is there to wait for the next code (a prompt, not --code or a pipe). */
function codeSourceFor(options: RenewOptions): { source: CodeSource; interactive: boolean } {
  if (options.code !== undefined) return { source: fixedCode(options.code), interactive: false };
  return process.stdin.isTTY
    ? { source: promptCode(), interactive: true }
    : { source: stdinCode(), interactive: false };
}

function renewTyped(request: Omit<RenewRequest, 'codeSource'>, options: RenewOptions): Promise<RenewOutcome> {
  const { source, interactive } = codeSourceFor(options);
  const attempt = () => renew({ ...request, codeSource: source }, cliRenewDeps(options.timeout));
  return interactive ? renewWaitingForNextCode(attempt, process.stderr) : attempt();
}

/** Lab devices (QR codes, the app's socket) load only for --device-code. */
async function renewWithDeviceCode(request: Omit<RenewRequest, 'codeSource'>, options: RenewOptions) {
  const [{ renewWithLabCodes }, { appDeviceCodeSource }] = await Promise.all([
    import('../../core/lab-devices'),
    import('./devices'),
  ]);
  return renewWithLabCodes(request, appDeviceCodeSource(process.env), cliRenewDeps(options.timeout));
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
        ? await renewWithDeviceCode(request, options)
        : await renewTyped(request, options);
      const ok = outcome.kind === 'renewed' || outcome.kind === 'still-valid';
      (ok ? process.stdout : process.stderr).write(`${outcome.message}\n`);
      process.exitCode = exitCodeFor(outcome);
    });
}
