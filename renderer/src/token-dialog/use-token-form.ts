// The token form's behaviour: the code field that sends itself at 6 digits, the renewal (typed code or lab
// device), the outcome's advice, the countdown to the next 30-s window after "already used", focus, Esc, and
// the dialog hiding itself after a success. TokenForm.tsx draws it.
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { RenewResult, TokenDialogContext } from '../../../electron/shared/contract';
import { useStatus } from '../common/StatusMessage';
import { useBridgeCall } from '../common/use-bridge-call';
import { adviceFor } from './advice';
import { isCompleteCode } from './code-input';
import {
  INITIAL_TOKEN_FORM,
  fieldTakesFocus,
  retryAt,
  retryCode,
  sendsItself,
  tokenFormReducer,
} from './token-form-state';

/** How long the success line stays, counted down on screen, before the dialog hides itself. */
const CLOSE_AFTER_SUCCESS_MS = 5000;

export function useTokenForm(context: TokenDialogContext) {
  const [state, dispatch] = useReducer(tokenFormReducer, INITIAL_TOKEN_FORM);
  const [now, setNow] = useState(() => Date.now());
  const input = useRef<HTMLInputElement>(null);
  const [status, show] = useStatus();
  // Closing the window and opening the folder report to the dialog's status line; a renewal that could not be
  // sent is an outcome of its own (the error box, with Retry).
  const { run: runWindowCall } = useBridgeCall(show);
  const { run: runRenewal } = useBridgeCall((failure) =>
    dispatch({ type: 'rejected', target: context.target, message: failure.message, at: Date.now() }),
  );

  const { phase, usingLab } = state;
  const failed = phase.kind === 'failed' ? phase : undefined;
  const advice = failed ? adviceFor(failed.result, context) : undefined;
  const waitUntil = retryAt(phase);
  const waiting = waitUntil > now;
  const busy = phase.kind === 'submitting';

  // The wait for the next 30-s window counts down on screen; nothing ticks otherwise.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [waiting]);

  const close = useCallback(
    () => runWindowCall('Could not close the window', (api) => api.closeWindow()),
    [runWindowCall],
  );
  const openFolder = () =>
    runWindowCall(
      'Could not open the AWS folder',
      (api) => api.openProfilesFolder(),
      (result) => !result.ok && show(result),
    );

  // After a success the dialog closes itself after a visible countdown, unless the user uses it (a click, a key):
  // then it stays until they close it.
  const [closesAt, setClosesAt] = useState(0);
  useEffect(() => {
    if (phase.kind !== 'succeeded') return;
    const keep = () => setClosesAt(0);
    window.addEventListener('pointerdown', keep);
    window.addEventListener('keydown', keep);
    return () => {
      window.removeEventListener('pointerdown', keep);
      window.removeEventListener('keydown', keep);
    };
  }, [phase.kind]);
  useEffect(() => {
    if (closesAt === 0) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= closesAt) {
        clearInterval(timer);
        close();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [closesAt, close]);

  /** Shows a renewal's result, whether the code was typed or made by the lab device. */
  const answer = (result: RenewResult) => {
    const at = Date.now();
    setNow(at);
    dispatch({ type: 'answered', result, at, clearCode: adviceFor(result, context).clearCode });
    if (result.ok) setClosesAt(at + CLOSE_AFTER_SUCCESS_MS);
  };

  const submit = (code: string) => {
    if (!isCompleteCode(code)) return dispatch({ type: 'incomplete' });
    dispatch({ type: 'sent', code, lab: false });
    // The user asked for a new session and typed a code for it: renew even if the current one is still valid.
    runRenewal(
      'Could not renew',
      (api) =>
        api.renew({
          target: context.target,
          code,
          // An MFA role's duration is its profile's duration_seconds: renewal reads it there.
          ...((context.kind === undefined || context.kind === 'mfa-session') && {
            durationSeconds: context.durationSeconds,
          }),
          ...(context.kind === 'device-roles' && context.device !== undefined && { allRolesOf: context.device }),
          force: true,
        }),
      answer,
    );
  };

  // The lab device makes the code in main; if this 30-s window's code was used, main waits for the next window.
  const renewWithLabDevice = () => {
    dispatch({ type: 'sent', code: '', lab: true });
    runRenewal(
      'Could not renew with the lab device',
      (api) => api.labDeviceRenew({ target: context.target, durationSeconds: context.durationSeconds, force: true }),
      answer,
    );
  };

  const change = (raw: string) => {
    const event = { type: 'typed', raw } as const;
    dispatch(event);
    const typed = tokenFormReducer(state, event);
    if (sendsItself(typed, waiting)) submit(typed.code);
  };

  // Focus returns to the field whenever it can take a new code (after an error the code was cleared); after a
  // lab-device attempt it stays on that button, where the user acted.
  useEffect(() => {
    if (fieldTakesFocus(phase, usingLab)) input.current?.focus();
  }, [phase, usingLab]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  return {
    code: state.code,
    hint: state.hint,
    phase,
    usingLab,
    now,
    failed,
    advice,
    waiting,
    waitUntil,
    /** When the dialog closes itself after a success; 0 when it stays open. */
    closesAt,
    busy,
    status,
    input,
    change,
    /** The form's own submit (Enter, the Renew button): not while waiting or renewing. */
    submitTyped: () => !waiting && !busy && submit(state.code),
    retry: () => submit(retryCode(state)),
    renewWithLabDevice,
    openFolder,
    close,
  };
}
