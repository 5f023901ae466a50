// Renewal through the running app, for callers without a terminal (git GUIs, IDEs, SDKs, a piped `renew`): the
// app shows its token dialog naming the caller, renews like the tray's "Renew", and answers. Loaded lazily, only
// on the expired path, so the valid-session fast path of the helpers stays cheap.
import { AppNotRunningError, resolveStateDir } from '../../core/app-state';
import { askAppToRenew, describeCaller } from '../../core/prompt-broker';
import { errorMessage } from '../../shared/error-message';
import { formatSpan } from '../../shared/time-format';

export type AppRenewal =
  | { kind: 'renewed'; message: string }
  | { kind: 'cancelled' | 'timeout' | 'refused'; message: string }
  /** No app answers: the caller gives its own hint. */
  | { kind: 'not-running' }
  | { kind: 'failed'; message: string };

/** Asks the app to renew `target`; says on `status` (stderr) that it waits for the dialog. Never throws. */
export async function renewThroughApp(
  target: string,
  status: NodeJS.WritableStream,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AppRenewal> {
  try {
    const answer = await askAppToRenew(target, await describeCaller(), {
      stateDir: resolveStateDir(env),
      onWaiting: ({ waitSeconds, joined }) =>
        status.write(
          `MFA Tray: enter the MFA code for "${target}" in its "Renew MFA session" window (${joined ? 'already open' : 'opened now'}; waiting up to ${formatSpan(waitSeconds * 1000, { precision: 'second' })})…\n`,
        ),
    });
    return answer;
  } catch (error) {
    if (error instanceof AppNotRunningError) return { kind: 'not-running' };
    return { kind: 'failed', message: `MFA Tray could not renew "${target}": ${errorMessage(error)}` };
  }
}
