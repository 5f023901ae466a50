// The running app answers for callers without a terminal (git GUIs, IDEs, SDKs): each request shows the token
// dialog for its session and waits, bounded by the setting, for the session to become valid (renewed in the dialog,
// or by anyone else), for the dialog to close (cancel) or for the wait to end. One round per MFA device: however
// many callers ask, one dialog, one timer, and every waiter gets the same answer.
import type { Caller, PromptAnswer, PromptProgress } from '../core/prompt-broker';
import { callerLabel } from '../core/prompt-broker';
import type { TimerClock } from '../core/time/clock';
import type { RequestedBy } from '../shared/contract';
import { errorMessage } from '../shared/error-message';
import { formatSpan } from '../shared/time-format';

export interface BrokerSessionFacts {
  device?: string;
  /** Valid by core/renewal's rule (more than the margin left) as of a fresh read. */
  valid: boolean;
}

export interface PromptBrokerDeps {
  timers: Pick<TimerClock, 'setTimeout' | 'clearTimeout'>;
  /** The wait setting, read when a round starts. */
  waitSeconds(): Promise<number>;
  /** The session as of a fresh read of the AWS files; undefined when it is no MFA session the app knows. */
  session(target: string): Promise<BrokerSessionFacts | undefined>;
  /** Shows the token dialog for `target` (show: bring it up) or only updates who asked (a caller joined). */
  showDialog(target: string, options: { show: boolean }): Promise<void>;
  /** A round ended without a renewal (timeout, every caller gone, dialog closed): the dialog stops naming callers. */
  roundEnded(target: string): void;
}

/** One caller's connection: progress goes back to it, and it may go away before the answer. */
export interface BrokerConnection {
  progress(message: PromptProgress): void;
  readonly signal?: AbortSignal;
}

export interface PromptBroker {
  requestRenewalFor(caller: Caller, target: string, connection: BrokerConnection): Promise<PromptAnswer>;
  /** After every read of the AWS files: rounds whose session is valid now are answered "renewed". */
  sessionsChanged(isValid: (target: string) => boolean): void;
  /** The token dialog was closed (Cancel, Esc, the window's close button): open rounds are cancelled. */
  dialogClosed(): Promise<void>;
  /** Who asked for `target`'s dialog while its round is open: the dialog says so. */
  requestedBy(target: string): RequestedBy | undefined;
  /** Callers waiting now, per round (for tests and the log). */
  waiting(): Array<{ target: string; callers: number }>;
}

interface Round {
  target: string;
  /** In the order they asked (not the order their session checks finished): the dialog names the first. */
  callers: Array<{ caller: Caller; arrival: number }>;
  waiters: Set<(answer: PromptAnswer) => void>;
  timer: unknown;
  endsAt: number;
  done: Promise<void>;
  finish(): void;
}

const renewedAnswer = (target: string): PromptAnswer => ({
  kind: 'renewed',
  message: `The MFA session "${target}" is valid now.`,
});

export function createPromptBroker(deps: PromptBrokerDeps, now: () => number = Date.now): PromptBroker {
  const rounds = new Map<string, Round>();

  function settle(key: string, round: Round, answer: PromptAnswer): void {
    if (rounds.get(key) !== round) return;
    rounds.delete(key);
    deps.timers.clearTimeout(round.timer);
    for (const waiter of round.waiters) waiter(answer);
    round.waiters.clear();
    round.finish();
    if (answer.kind !== 'renewed') deps.roundEnded(round.target);
  }

  function requestedBy(round: Round): RequestedBy {
    return { caller: callerLabel(round.callers[0]!.caller), others: round.callers.length - 1 };
  }

  function startRound(
    key: string,
    target: string,
    caller: { caller: Caller; arrival: number },
    waitSeconds: number,
  ): Round {
    let finish = () => undefined as void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const round: Round = {
      target,
      callers: [caller],
      waiters: new Set(),
      timer: undefined,
      endsAt: now() + waitSeconds * 1000,
      done,
      finish,
    };
    round.timer = deps.timers.setTimeout(
      () =>
        settle(key, round, {
          kind: 'timeout',
          message: `Nobody entered an MFA code for "${target}" in the MFA Tray dialog within ${formatSpan(waitSeconds * 1000, { precision: 'second' })}.`,
        }),
      waitSeconds * 1000,
    );
    rounds.set(key, round);
    return round;
  }

  let arrivals = 0;

  /** One caller's request; `arrival` is its place in the order of asking, kept while it waits for another round. */
  async function request(
    caller: Caller,
    target: string,
    connection: BrokerConnection,
    arrival: number,
  ): Promise<PromptAnswer> {
    const [facts, waitSeconds] = await Promise.all([deps.session(target), deps.waitSeconds()]);
    if (!facts) return { kind: 'refused', message: `"${target}" is not an MFA session MFA Tray knows.` };
    if (facts.valid) return renewedAnswer(target);
    if (connection.signal?.aborted) return { kind: 'cancelled', message: 'The caller went away.' };
    // Sessions on one device share one dialog: another session's round finishes first, then this one starts.
    const key = facts.device ?? `target:${target}`;
    const existing = rounds.get(key);
    if (existing && existing.target !== target) {
      await existing.done;
      return request(caller, target, connection, arrival);
    }
    const joined = existing !== undefined;
    const entry = { caller, arrival };
    const round = existing ?? startRound(key, target, entry, waitSeconds);
    if (joined) {
      const before = round.callers.findIndex((other) => other.arrival > arrival);
      round.callers.splice(before === -1 ? round.callers.length : before, 0, entry);
    }
    const answer = new Promise<PromptAnswer>((resolve) => {
      round.waiters.add(resolve);
      connection.signal?.addEventListener('abort', () => {
        // The connection closes after every answer too: only a caller leaving an open round matters.
        if (rounds.get(key) !== round) return;
        round.waiters.delete(resolve);
        const at = round.callers.indexOf(entry);
        if (at !== -1) round.callers.splice(at, 1);
        resolve({ kind: 'cancelled', message: 'The caller went away.' });
        // Nobody waits any more: the round ends (the dialog stays for the person, who may still renew).
        if (round.waiters.size === 0) settle(key, round, { kind: 'cancelled', message: 'Every caller went away.' });
      });
    });
    connection.progress({
      kind: 'waiting',
      waitSeconds: Math.max(1, Math.ceil((round.endsAt - now()) / 1000)),
      joined,
    });
    try {
      await deps.showDialog(target, { show: !joined });
    } catch (error) {
      settle(key, round, {
        kind: 'refused',
        message: `MFA Tray could not show its dialog: ${errorMessage(error)}`,
      });
    }
    return answer;
  }

  return {
    requestRenewalFor: (caller, target, connection) => request(caller, target, connection, arrivals++),

    sessionsChanged(isValid) {
      for (const [key, round] of [...rounds])
        if (isValid(round.target)) settle(key, round, renewedAnswer(round.target));
    },

    async dialogClosed() {
      await Promise.all(
        [...rounds].map(async ([key, round]) => {
          // A renewal that finished just before the close is not a cancel.
          const facts = await deps.session(round.target).catch(() => undefined);
          settle(
            key,
            round,
            facts?.valid
              ? renewedAnswer(round.target)
              : {
                  kind: 'cancelled',
                  message: `The MFA Tray dialog for "${round.target}" was closed without renewing it.`,
                },
          );
        }),
      );
    },

    requestedBy(target) {
      const round = [...rounds.values()].find((candidate) => candidate.target === target);
      return round && round.callers.length > 0 ? requestedBy(round) : undefined;
    },

    waiting: () => [...rounds.values()].map((round) => ({ target: round.target, callers: round.waiters.size })),
  };
}
