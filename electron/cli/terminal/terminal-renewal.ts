// Renewal on the controlling terminal for commands whose stdout belongs to another program (credential_process
// JSON for the AWS CLI, the credential protocol for git): the prompt and the result go to /dev/tty only.
import { renew, type RenewOutcome } from '../../core/renewal';
import { terminalCode, type openTerminal } from './code-sources';
import { cliRenewDeps } from './renew-deps';
import { renewAskingAgain } from './next-code-wait';

export type Terminal = NonNullable<ReturnType<typeof openTerminal>>;

/**
 * Forced: the caller has already found the keys unusable (expired, too close to expiry, or incomplete), which
 * renew's own "still valid" rule might not. `seen` is what it found: a renewal made since then (another git process
 * that held the device lock first) is shared, so concurrent helpers make one prompt. A used window is waited out and
 * a rejected code asked for again on the terminal. Closes the terminal, whatever the outcome.
 */
export async function renewOnTerminal(
  terminal: Terminal,
  request: { target: string; source?: string; seen: { expiration?: Date } },
): Promise<RenewOutcome> {
  try {
    const outcome = await renewAskingAgain(
      () => renew({ ...request, codeSource: terminalCode(terminal), force: true }, cliRenewDeps()),
      terminal.output,
    );
    if (outcome.kind === 'renewed') terminal.output.write(`${outcome.message}\n`);
    return outcome;
  } finally {
    terminal.close();
  }
}
