// What the dialog does after a failed renewal, per RenewResult kind: the extra sentence that says what
// to do, and how the form reacts (clear the code, offer a retry, wait for the next 30-s window...).
import type { RenewResult, TokenDialogContext } from '../../../electron/shared/contract';
import { SESSION_DURATION } from '../../../electron/shared/vocabulary';
import { formatClockOffset, formatDuration } from '../../../electron/shared/time-format';

export type NextStep = 'new-code' | 'wait-for-window' | 'retry' | 'fix-files' | 'none';

export interface Advice {
  title: string;
  /** What to do, one sentence; empty when the result's own message says it all. */
  advice: string;

  next: NextStep;
  clearCode: boolean;
}

export function adviceFor(result: RenewResult, context: Pick<TokenDialogContext, 'source' | 'device'>): Advice {
  const source = context.source;
  switch (result.kind) {
    case 'wrong-code':
      return {
        title: 'Wrong code',
        advice: 'Type the code your authenticator shows now for this device.',
        next: 'new-code',
        clearCode: true,
      };
    case 'code-already-used':
      // The dialog counts down to the next window.
      return {
        title: 'Code already used',
        advice: 'AWS accepts each code once, and this 30-second window has had one.',
        next: 'wait-for-window',
        clearCode: true,
      };
    case 'wrong-serial':
      return {
        title: 'Unknown MFA device',
        advice: `Check mfa_serial of profile ${source}: it must be the ARN of the device assigned to this IAM user.`,
        next: 'fix-files',
        clearCode: true,
      };
    case 'invalid-key':
      return {
        title: 'Access key not accepted',
        advice: `AWS does not know the access key ID of profile ${source}, or it is inactive: paste a current key pair into that profile.`,
        next: 'fix-files',
        clearCode: true,
      };
    case 'wrong-secret':
      return {
        title: 'Secret access key does not match',
        advice: `The secret access key of profile ${source} does not belong to its access key ID: paste the pair again.`,
        next: 'fix-files',
        clearCode: true,
      };
    case 'expired-session-keys':
    case 'session-keys-as-source':
      return {
        title: 'Temporary keys where long-term keys belong',
        advice: `Profile ${source} must hold your IAM user's long-term access key (AKIA…), not a session's temporary keys.`,
        next: 'fix-files',
        clearCode: true,
      };
    case 'clock-skew': {
      const offset = result.clockOffsetSeconds;
      const advice =
        offset === undefined
          ? "Your computer's clock differs from AWS's: turn on automatic date and time, then retry."
          : `Your computer's clock is ${formatClockOffset(offset)} AWS's clock: turn on automatic date and time, then retry.`;
      return { title: 'Clock out of sync', advice, next: 'retry', clearCode: false };
    }
    case 'network':
    case 'timeout':
    case 'throttled':
      // AWS may have consumed the code before the answer was lost, and renewal never sends a code twice.
      return {
        title: result.kind === 'throttled' ? 'AWS asked to slow down' : 'Could not reach AWS',
        advice: 'Check your connection. AWS may have used that code: type the next one your authenticator shows.',
        next: 'new-code',
        clearCode: true,
      };
    case 'duration-out-of-range':
      return {
        title: 'Session length not allowed',
        advice: `Choose a session length between ${formatDuration(SESSION_DURATION.min)} and ${formatDuration(SESSION_DURATION.max)} in Settings.`,
        next: 'none',
        clearCode: false,
      };
    case 'file-problem':
    case 'configuration':
      return {
        title: 'Your AWS files need a fix',
        advice: 'Open the AWS folder and correct the profile named above.',
        next: 'fix-files',
        clearCode: false,
      };
    case 'invalid-code-format':
      return {
        title: 'Not a valid code',
        advice: 'Type the 6 digits your authenticator shows.',
        next: 'new-code',
        clearCode: true,
      };
    case 'invalid-parameter':
      return {
        title: 'AWS refused the request',
        advice: `Check mfa_serial and the session length of profile ${source}.`,
        next: 'fix-files',
        clearCode: true,
      };
    case 'access-denied':
      return {
        title: 'Access denied',
        advice: `The IAM user of profile ${source} may not call GetSessionToken: ask your administrator.`,
        next: 'none',
        clearCode: true,
      };
    case 'service-error':
      return {
        title: 'AWS had a problem',
        advice: 'Retry in a moment with a fresh code.',
        next: 'retry',
        clearCode: false,
      };
    case 'busy':
      return {
        title: 'Another renewal is running',
        advice: 'Another window or the CLI is renewing this device; retry when it is done.',
        next: 'retry',
        clearCode: false,
      };
    case 'cancelled':
      return { title: 'Cancelled', advice: '', next: 'new-code', clearCode: false };
    case 'malformed-response':
    case 'unknown':
      return { title: 'Renewal failed', advice: '', next: 'retry', clearCode: true };
    case 'renewed':
    case 'still-valid':
      return { title: 'Renewed', advice: '', next: 'none', clearCode: false };
  }
}

/** Results whose own message holds what the advice points to: the file and line, AWS's words on a policy. */
const MESSAGE_NEEDED = new Set<RenewResult['kind']>([
  'file-problem',
  'configuration',
  'access-denied',
  'invalid-parameter',
]);

/** Whether the dialog shows the result's message besides the advice; elsewhere the two would say one thing twice. */
export function showsMessage(result: RenewResult, advice: Advice): boolean {
  return advice.advice === '' || MESSAGE_NEEDED.has(result.kind);
}
