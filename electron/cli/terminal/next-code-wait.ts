// After "code already used" on a terminal, the person is there to type the next code: count down to it on the
// terminal and ask again, instead of ending with "Wait 6 s for the next code". Scripts (no terminal: --code,
// piped stdin) never come here and keep the immediate answer.
import * as timers from 'node:timers/promises';
import type { RenewOutcome } from '../../core/renewal';
import { formatSpan } from '../../shared/time-format';

/** A code used in a window can make the next attempt meet a used window again (another process): a few rounds. */
const MAX_WAITS = 3;

export type Sleep = (ms: number) => Promise<void>;

/** Runs `attempt` (a renewal that prompts) and, while it meets a used window, waits for the next one and runs it again. */
export async function renewWaitingForNextCode(
  attempt: () => Promise<RenewOutcome>,
  output: NodeJS.WritableStream & { isTTY?: boolean },
  sleep: Sleep = timers.setTimeout,
): Promise<RenewOutcome> {
  let outcome = await attempt();
  for (let waits = 0; waits < MAX_WAITS && outcome.kind === 'code-already-used'; waits++) {
    await countDown(outcome.retryAfterSeconds, output, sleep);
    outcome = await attempt();
  }
  return outcome;
}

/** Codes AWS may reject before a terminal renewal gives up: a typo the format check cannot see is retyped. */
export const MAX_CODE_TRIES = 3;

/**
 * A terminal renewal as a person does it: a used window is waited out (above), and a code AWS rejected is asked
 * for again, up to MAX_CODE_TRIES codes, instead of ending the command (and letting git sign with expired keys).
 */
export async function renewAskingAgain(
  attempt: () => Promise<RenewOutcome>,
  output: NodeJS.WritableStream & { isTTY?: boolean },
  sleep: Sleep = timers.setTimeout,
): Promise<RenewOutcome> {
  let outcome = await renewWaitingForNextCode(attempt, output, sleep);
  for (let tries = 1; tries < MAX_CODE_TRIES && outcome.kind === 'wrong-code'; tries++) {
    output.write(`${outcome.message} Try ${tries + 1} of ${MAX_CODE_TRIES}.\n`);
    outcome = await renewWaitingForNextCode(attempt, output, sleep);
  }
  if (outcome.kind !== 'wrong-code') return outcome;
  return { ...outcome, message: `${outcome.message} ${MAX_CODE_TRIES} codes were rejected; nothing was renewed.` };
}

async function countDown(
  seconds: number,
  output: NodeJS.WritableStream & { isTTY?: boolean },
  sleep: Sleep,
): Promise<void> {
  const line = (left: number) =>
    `This 30-second window's code was already used (AWS accepts each code once); the next code comes in ${formatSpan(left * 1000, { precision: 'second' })}…`;
  if (!output.isTTY) {
    // Not a terminal we can redraw (stderr redirected): one line, then the wait.
    output.write(`${line(seconds)}\n`);
    await sleep(seconds * 1000);
    return;
  }
  for (let left = seconds; left > 0; left--) {
    output.write(`\r\x1b[K${line(left)}`);
    await sleep(1000);
  }
  output.write('\r\x1b[KThe next code is ready.\n');
}
