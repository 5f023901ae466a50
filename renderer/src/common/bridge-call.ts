// The pure part of every bridge call (use-bridge-call.ts): a call that never rejects, the sentence a rejection
// becomes, and the bookkeeping of which calls a screen still waits for. Kept free of React so it is unit-tested.

export type CallOutcome<T> = { ok: true; answer: T } | { ok: false; message: string };

// ipcRenderer.invoke wraps what main threw: "Error invoking remote method 'mfa-tray:renew': Error: <message>".
const ELECTRON_WRAPPER = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

/** The reason of a rejection as a user reads it: main's own message, without Electron's wrapping. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(ELECTRON_WRAPPER, '') || 'no reason given';
}

/** Runs a call and answers with its result or its failure as "what: reason"; a synchronous throw (no bridge) counts too. */
export async function settleCall<T>(what: string, call: () => Promise<T>): Promise<CallOutcome<T>> {
  try {
    return { ok: true, answer: await call() };
  } catch (error) {
    return { ok: false, message: `${what}: ${errorText(error)}` };
  }
}

export interface CallTicket {
  /** True when the caller still wants this call's outcome: not cancelled, the screen not closed. Ends the wait. */
  finish(): boolean;
  /** The outcome is no longer wanted (an effect's cleanup); the call stops counting as pending. */
  cancel(): void;
}

export interface CallTracker {
  start(): CallTicket;
  /** The screen went away: every outcome still to come is dropped and pending is no longer reported. */
  close(): void;
  /** The screen is (again) on display: React's StrictMode unmounts and remounts once in development. */
  open(): void;
}

/** Counts the calls a screen waits for and says when that count goes from none to some and back. */
export function createCallTracker(onPendingChange: (pending: boolean) => void): CallTracker {
  let waiting = new Set<object>();
  let open = true;
  const remove = (token: object): boolean => {
    if (!waiting.delete(token)) return false;
    if (waiting.size === 0 && open) onPendingChange(false);
    return true;
  };
  return {
    start() {
      const token = {};
      waiting.add(token);
      if (waiting.size === 1 && open) onPendingChange(true);
      return { finish: () => open && remove(token), cancel: () => void remove(token) };
    },
    close() {
      open = false;
      waiting = new Set();
    },
    open() {
      open = true;
    },
  };
}
