// `mfa-tray credential-process PROFILE`: for `credential_process = mfa-tray credential-process NAME` in a
// profile. Prints the MFA session's keys as the AWS CLI/SDKs expect, renewing on the terminal when it can.
import type { Command } from 'commander';
import { resolveAwsFileLocations } from '../../core/aws-files';
import { loadProfileModel, type ProfileModel } from '../../core/profiles';
import { formatExpiration, renew, targetExpiration } from '../../core/renewal';
import { EXIT, exitCodeFor } from '../terminal/exit-codes';
import { openTerminal, terminalCode } from '../terminal/code-sources';
import { cliRenewDeps } from '../terminal/renew-deps';

/** Hand out keys only with some life left, so the caller's request is not signed with dying keys. */
const MIN_REMAINING_MS = 60_000;

const CREDENTIAL_PROCESS_EXIT_HELP = `
Exit codes:
  0   the session's keys were printed (renewed on the terminal first when needed)
  2   user error: not an MFA session profile, expired with no terminal to ask on, wrong or already used code,
      bad keys, clock skew, cancelled
  3   AWS or network error while renewing: throttling, timeout, AWS internal error, unreachable`;

interface ProcessCredentials {
  Version: 1;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

/** The session profile named, or the one a named source profile renews. */
function sessionTarget(model: ProfileModel, profile: string): string {
  if (model.mfaSessions.some((s) => s.target === profile)) return profile;
  const bySource = model.mfaSessions.filter((s) => s.source === profile);
  return bySource.length === 1 && bySource[0] ? bySource[0].target : profile;
}

/** Why `profile` has no MFA session keys to hand out, or undefined when it names a session MFA Tray renews. */
function notASession(model: ProfileModel, profile: string, target: string): string | undefined {
  if (model.mfaSessions.some((s) => s.target === target)) return undefined;
  const sessions = model.mfaSessions.map((s) => `"${s.target}"`).join(', ');
  const hint = sessions ? ` MFA sessions here: ${sessions}.` : ' No profile here is paired with an MFA device.';
  const existing = model.profiles.get(profile);
  if (!existing) return `There is no profile "${profile}" in the AWS config or credentials file.${hint}`;
  return `Profile "${profile}" is a ${existing.kind} profile, not an MFA session that MFA Tray renews.${hint}`;
}

function validCredentials(model: ProfileModel, target: string, nowMs: number): ProcessCredentials | undefined {
  const settings = model.profiles.get(target)?.settings ?? {};
  const expiration = targetExpiration(model, target);
  const { aws_access_key_id: id, aws_secret_access_key: secret, aws_session_token: token } = settings;
  if (!expiration || expiration.getTime() - nowMs < MIN_REMAINING_MS) return undefined;
  if (typeof id !== 'string' || typeof secret !== 'string' || typeof token !== 'string' || !id || !secret || !token) return undefined;
  return { Version: 1, AccessKeyId: id, SecretAccessKey: secret, SessionToken: token, Expiration: formatExpiration(expiration) };
}

export function registerCredentialProcessCommand(program: Command): void {
  program
    .command('credential-process')
    .description('Print an MFA session\'s keys as credential_process JSON; renew on the terminal when expired.')
    .argument('<profile>', 'the MFA session profile (or its source profile)')
    .addHelpText('after', CREDENTIAL_PROCESS_EXIT_HELP)
    .action(async (profile: string) => {
      const locations = resolveAwsFileLocations(process.env);
      const model = await loadProfileModel(locations);
      const target = sessionTarget(model, profile);
      const unusable = notASession(model, profile, target);
      if (unusable) {
        process.stderr.write(`${unusable}\n`);
        process.exitCode = EXIT.userError;
        return;
      }
      const ready = validCredentials(model, target, Date.now());
      if (ready) {
        process.stdout.write(`${JSON.stringify(ready)}\n`);
        return;
      }
      const terminal = openTerminal();
      if (!terminal) {
        process.stderr.write(
          `The MFA session "${target}" has expired (or was never renewed) and there is no terminal to ask for a code. Renew it with \`mfa-tray renew ${target}\` (or the MFA Tray icon), then retry.\n`,
        );
        process.exitCode = EXIT.userError;
        return;
      }
      try {
        const outcome = await renew({ target, codeSource: terminalCode(terminal), force: true }, cliRenewDeps());
        if (outcome.kind !== 'renewed') {
          process.stderr.write(`${outcome.message}\n`);
          process.exitCode = exitCodeFor(outcome);
          return;
        }
        terminal.output.write(`${outcome.message}\n`);
      } finally {
        terminal.close();
      }
      const renewed = validCredentials(await loadProfileModel(locations), target, Date.now());
      if (!renewed) {
        process.stderr.write(`"${target}" was renewed but its keys could not be read back from the AWS files.\n`);
        process.exitCode = EXIT.userError;
        return;
      }
      process.stdout.write(`${JSON.stringify(renewed)}\n`);
    });
}
