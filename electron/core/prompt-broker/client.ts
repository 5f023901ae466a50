// The CLI's side of the prompt broker: asks the running app for the token dialog and waits for its answer.
import { localSocketPath, requestLocalSocket } from '../app-state';
import {
  PROMPT_SOCKET,
  PromptAnswerSchema,
  PromptProgressSchema,
  type Caller,
  type PromptAnswer,
  type PromptProgress,
} from './protocol';

/** Until the app says it waits (it reads the AWS files and opens the dialog first). */
const UNTIL_WAITING_MS = 10_000;
/** Beyond the app's own wait: the app's timeout answer, not ours, is what the caller normally sees. */
const GRACE_MS = 15_000;

export interface AskAppOptions {
  stateDir: string;
  platform?: NodeJS.Platform;
  /** Told when the dialog shows (or an earlier caller's dialog is joined). */
  onWaiting?: (progress: PromptProgress) => void;
}

/**
 * Asks the running app to renew `target` with its token dialog and resolves to its answer. Throws
 * AppNotRunningError (app-state) when no app serves the prompt socket.
 */
export async function askAppToRenew(target: string, caller: Caller, options: AskAppOptions): Promise<PromptAnswer> {
  const path = localSocketPath(options.stateDir, PROMPT_SOCKET, options.platform);
  const answer = await requestLocalSocket(
    path,
    { op: 'renew', target, caller },
    {
      notRunningAdvice: 'Start MFA Tray so it can ask for the code, or renew on a terminal.',
      idleTimeoutMs: UNTIL_WAITING_MS,
      onProgress: (message, control) => {
        const progress = PromptProgressSchema.safeParse(message);
        if (!progress.success) return;
        control.setIdleTimeout(progress.data.waitSeconds * 1000 + GRACE_MS);
        options.onWaiting?.(progress.data);
      },
    },
  );
  const parsed = PromptAnswerSchema.safeParse(answer);
  if (!parsed.success) throw new Error('MFA Tray sent an answer that could not be read.');
  return parsed.data;
}
