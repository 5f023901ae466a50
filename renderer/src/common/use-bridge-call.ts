// The one way screens call main through window.mfaTray: a rejected call (main threw, the IPC failed, no bridge)
// becomes "what: reason" for the screen to show — never an unhandled rejection — and nothing of a call reaches a
// screen that is gone or an effect that was cleaned up. Answers, `ok` or not, are the screen's to show.
import { useCallback, useEffect, useRef, useState } from 'react';
import { bridge, type Bridge } from './bridge';
import { createCallTracker, errorText, settleCall } from './bridge-call';

/** A rejected call, shaped like an ActionResult so a screen can hand it to its StatusMessage (useStatus's show). */
export interface Failure {
  ok: false;
  message: string;
}

/** One call through the bridge (window.mfaTray), e.g. `(api) => api.copyExportLines({ profile })`. */
export type BridgeCallOf<T> = (api: Bridge) => Promise<T>;

export type Run = <T>(
  /** The start of the sentence shown if the call is rejected, e.g. "Could not copy the export lines". */
  what: string,
  call: BridgeCallOf<T>,
  onAnswer?: (answer: T) => void,
  /** Where this call's rejection goes instead of the hook's report (a step's own result box). */
  onFailure?: (message: string) => void,
) => () => void;

export interface BridgeCall {
  /** Starts a call; returns a cancel that drops its outcome (for effect cleanups and superseded requests). */
  run: Run;
  /** True while a call started here, and not cancelled, has not answered yet. */
  pending: boolean;
}

/** `report` receives every rejection of this hook's calls: usually the screen's `show` (StatusMessage). */
export function useBridgeCall(report: (failure: Failure) => void): BridgeCall {
  const [pending, setPending] = useState(false);
  const [tracker] = useState(() => createCallTracker(setPending));
  const latestReport = useRef(report);
  useEffect(() => {
    latestReport.current = report;
  });
  useEffect(() => {
    tracker.open();
    return () => tracker.close();
  }, [tracker]);

  const run = useCallback<Run>(
    (what, call, onAnswer, onFailure) => {
      const ticket = tracker.start();
      const fail = (message: string) => (onFailure ? onFailure(message) : latestReport.current({ ok: false, message }));
      void settleCall(what, () => call(bridge())).then((outcome) => {
        if (!ticket.finish()) return;
        if (!outcome.ok) return fail(outcome.message);
        try {
          onAnswer?.(outcome.answer);
        } catch (error) {
          // A screen's bug showing an answer is still shown, not left as an unhandled rejection.
          fail(`${what}: ${errorText(error)}`);
        }
      });
      return ticket.cancel;
    },
    [tracker],
  );
  return { run, pending };
}

export type Load<T> = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; value: T };

/**
 * What a screen needs before it can draw: asked once on mount and again on reload(). A reload keeps the value on
 * screen until the new one arrives, and supersedes a reload still under way (the newest answer wins).
 */
export function useBridgeLoad<T>(what: string, call: BridgeCallOf<T>): { load: Load<T>; reload: () => void } {
  const [load, setLoad] = useState<Load<T>>({ status: 'loading' });
  const { run } = useBridgeCall((failure) => setLoad({ status: 'failed', message: failure.message }));
  const latestCall = useRef(call);
  useEffect(() => {
    latestCall.current = call;
  });
  const cancelPrevious = useRef<() => void>(undefined);
  const reload = useCallback(() => {
    cancelPrevious.current?.();
    cancelPrevious.current = run(
      what,
      (api) => latestCall.current(api),
      (value) => setLoad({ status: 'ready', value }),
    );
  }, [run, what]);
  useEffect(() => {
    reload();
    return () => cancelPrevious.current?.();
  }, [reload]);
  return { load, reload };
}
