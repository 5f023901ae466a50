import { describe, expect, it } from 'vitest';
import type { Caller, PromptProgress } from '../core/prompt-broker';
import type { RequestedBy } from '../shared/contract';
import { FakeClock } from '../../testing/fake-clock';
import { createPromptBroker, type BrokerSessionFacts } from './prompt-broker';

const DEVICE = 'arn:aws:iam::111111111111:mfa/MyRepositoryUser';
const git = (n: number): Caller => ({ program: 'git', folder: `~/src/repo${n}` });

function world(
  sessions: Record<string, BrokerSessionFacts> = { S: { device: DEVICE, valid: false } },
  check: (target: string) => Promise<BrokerSessionFacts | undefined> = async (target) => sessions[target],
) {
  const clock = new FakeClock(1_700_000_000_000);
  const shown: Array<{ target: string; requestedBy: RequestedBy | undefined; show: boolean }> = [];
  const ended: string[] = [];
  const broker = createPromptBroker(
    {
      timers: clock,
      waitSeconds: async () => 120,
      session: check,
      showDialog: async (target, { show }) =>
        void shown.push({ target, requestedBy: broker.requestedBy(target), show }),
      roundEnded: (target) => void ended.push(target),
    },
    () => clock.now(),
  );
  const progress: PromptProgress[] = [];
  const ask = (caller: Caller, target = 'S', signal?: AbortSignal) =>
    broker.requestRenewalFor(caller, target, { progress: (p) => progress.push(p), ...(signal && { signal }) });
  const settled = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { clock, shown, ended, broker, progress, ask, sessions, settled };
}

describe('the prompt broker', () => {
  it('shows one dialog for 20 callers of one session, counts them, and answers all once the session is valid', async () => {
    const w = world();
    const answers = Array.from({ length: 20 }, (_, n) => w.ask(git(n)));
    await w.settled();
    expect(w.shown.filter((s) => s.show)).toHaveLength(1);
    expect(w.shown[0]).toEqual({ target: 'S', requestedBy: { caller: 'git in ~/src/repo0', others: 0 }, show: true });
    expect(w.shown.at(-1)).toEqual({
      target: 'S',
      requestedBy: { caller: 'git in ~/src/repo0', others: 19 },
      show: false,
    });
    expect(w.progress.map((p) => p.joined)).toEqual([false, ...Array(19).fill(true)]);
    expect(w.broker.waiting()).toEqual([{ target: 'S', callers: 20 }]);
    expect(w.clock.pendingTimers).toBe(1);
    // A file read that finds the session still expired answers nobody; the renewal's read answers everyone.
    w.broker.sessionsChanged(() => false);
    w.broker.sessionsChanged((target) => target === 'S');
    for (const answer of await Promise.all(answers)) expect(answer).toMatchObject({ kind: 'renewed' });
    expect(w.broker.waiting()).toEqual([]);
    expect(w.clock.pendingTimers).toBe(0);
    // A renewed dialog shows its success: it is not told that the round ended.
    expect(w.ended).toEqual([]);
  });

  it("names the first caller to ask, though a later caller's session check finished first", async () => {
    // Each check reads the AWS files: the first caller's read is the slowest here.
    const reads: Array<() => void> = [];
    const w = world(undefined, (target) => {
      const facts = { device: DEVICE, valid: false };
      return target === 'S' ? new Promise((answer) => reads.push(() => answer(facts))) : Promise.resolve(undefined);
    });
    const answers = [0, 1, 2].map((n) => w.ask(git(n)));
    await w.settled();
    for (const read of [reads[2], reads[1], reads[0]]) {
      read!();
      await w.settled();
    }
    expect(w.shown.filter((s) => s.show)).toEqual([
      { target: 'S', requestedBy: { caller: 'git in ~/src/repo2', others: 0 }, show: true },
    ]);
    expect(w.broker.requestedBy('S')).toEqual({ caller: 'git in ~/src/repo0', others: 2 });
    w.broker.sessionsChanged(() => true);
    for (const answer of await Promise.all(answers)) expect(answer).toMatchObject({ kind: 'renewed' });
  });

  it('coalesces sessions on one device: the second session gets its dialog after the first one is answered', async () => {
    const w = world({ S: { device: DEVICE, valid: false }, T: { device: DEVICE, valid: false } });
    const first = w.ask(git(1), 'S');
    const second = w.ask(git(2), 'T');
    await w.settled();
    expect(w.shown.map((s) => s.target)).toEqual(['S']);
    w.sessions.S = { device: DEVICE, valid: true };
    w.broker.sessionsChanged((target) => target === 'S');
    expect(await first).toMatchObject({ kind: 'renewed' });
    await w.settled();
    expect(w.shown.map((s) => [s.target, s.show])).toEqual([
      ['S', true],
      ['T', true],
    ]);
    w.broker.sessionsChanged((target) => target === 'T');
    expect(await second).toMatchObject({ kind: 'renewed' });
  });

  it('answers "timeout" to every waiter when the wait setting runs out', async () => {
    const w = world();
    const answers = [w.ask(git(1)), w.ask(git(2))];
    await w.settled();
    expect(w.progress.map((p) => p.waitSeconds)).toEqual([120, 120]);
    w.clock.advance(119_000);
    const late = w.ask(git(3));
    await w.settled();
    // A late joiner is told the time that is left, not a fresh wait.
    expect(w.progress.at(-1)).toEqual({ kind: 'waiting', waitSeconds: 1, joined: true });
    w.clock.advance(1_000);
    for (const answer of await Promise.all([...answers, late]))
      expect(answer).toEqual({
        kind: 'timeout',
        message: 'Nobody entered an MFA code for "S" in the MFA Tray dialog within 2 min.',
      });
    // The dialog stays for the person, without the callers' names.
    expect(w.ended).toEqual(['S']);
    expect(w.broker.requestedBy('S')).toBeUndefined();
  });

  it('answers "cancelled" when the dialog closes without a renewal, and "renewed" when the renewal came first', async () => {
    const w = world();
    const cancelled = w.ask(git(1));
    await w.settled();
    await w.broker.dialogClosed();
    expect(await cancelled).toEqual({
      kind: 'cancelled',
      message: 'The MFA Tray dialog for "S" was closed without renewing it.',
    });
    const renewed = w.ask(git(2));
    await w.settled();
    w.sessions.S = { device: DEVICE, valid: true };
    await w.broker.dialogClosed();
    expect(await renewed).toMatchObject({ kind: 'renewed' });
  });

  it('answers at once for a session that is valid or unknown, with no dialog', async () => {
    const w = world({ S: { device: DEVICE, valid: true } });
    expect(await w.ask(git(1))).toMatchObject({ kind: 'renewed' });
    expect(await w.ask(git(1), 'Nope')).toEqual({
      kind: 'refused',
      message: '"Nope" is not an MFA session MFA Tray knows.',
    });
    expect(w.shown).toEqual([]);
  });

  it('forgets a caller that goes away, and ends the round when nobody waits any more', async () => {
    const w = world();
    const gone = new AbortController();
    const leaving = w.ask(git(1), 'S', gone.signal);
    const staying = w.ask(git(2));
    await w.settled();
    gone.abort();
    expect(await leaving).toMatchObject({ kind: 'cancelled' });
    expect(w.broker.waiting()).toEqual([{ target: 'S', callers: 1 }]);
    const last = new AbortController();
    const third = w.ask(git(3), 'S', last.signal);
    await w.settled();
    w.broker.sessionsChanged(() => true);
    expect(await staying).toMatchObject({ kind: 'renewed' });
    expect(await third).toMatchObject({ kind: 'renewed' });
    expect(w.clock.pendingTimers).toBe(0);

    const alone = new AbortController();
    const only = w.ask(git(4), 'S', alone.signal);
    await w.settled();
    expect(w.clock.pendingTimers).toBe(1);
    alone.abort();
    expect(await only).toMatchObject({ kind: 'cancelled' });
    expect(w.broker.waiting()).toEqual([]);
    expect(w.clock.pendingTimers).toBe(0);
  });
});
