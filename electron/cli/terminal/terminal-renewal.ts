// Renewal on the controlling terminal for commands whose stdout belongs to another program (credential_process
// JSON for the AWS CLI, the credential protocol for git): the prompt and the result go to /dev/tty only.
import { renew, type RenewOutcome } from '../../core/renewal';
import { terminalCode, type openTerminal } from './code-sources';
import { cliRenewDeps } from './renew-deps';
import { renewWaitingForNextCode } from './next-code-wait';

export type Terminal = NonNullable<ReturnType<typeof openTerminal>>;

/**
 * Forced: the caller has already found the keys expired or too close to expiry, which renew's own "still valid"
 * rule might not call expired yet. A used window is waited out on the terminal. Closes the terminal, whatever the
 * outcome.
 */
export async function renewOnTerminal(
  terminal: Terminal,
  request: { target: string; source?: string },
): Promise<RenewOutcome> {
  try {
    const outcome = await renewWaitingForNextCode(
      () => renew({ ...request, codeSource: terminalCode(terminal), force: true }, cliRenewDeps()),
      terminal.output,
    );
    if (outcome.kind === 'renewed') terminal.output.write(`${outcome.message}\n`);
    return outcome;
  } finally {
    terminal.close();
  }
}
