import { describe, expect, it } from 'vitest';
import type { RenewOutcome } from '../../core/renewal';
import { renewAskingAgain, renewWaitingForNextCode } from './next-code-wait';

const used: RenewOutcome = { kind: 'code-already-used', category: 'user', retryAfterSeconds: 3, message: 'used' };
const wrong: RenewOutcome = { kind: 'wrong-code', category: 'user', message: 'AWS rejected the MFA code for D.' };
const renewed: RenewOutcome = {
  kind: 'renewed',
  category: 'ok',
  message: 'Renewed',
  target: 'T',
  expiration: new Date(0),
  sharedWithConcurrentRenewal: false,
};

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { written, output: { isTTY, write: (text: string) => written.push(text) > 0 } as never };
}

describe('renewWaitingForNextCode', () => {
  it('counts the wait down second by second on a terminal, then asks again', async () => {
    const outcomes = [used, renewed];
    const slept: number[] = [];
    const { written, output } = terminal(true);
    const outcome = await renewWaitingForNextCode(
      async () => outcomes.shift()!,
      output,
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(outcome).toBe(renewed);
    expect(slept).toEqual([1000, 1000, 1000]);
    expect(written.map((text) => /comes in (\d+ s)/.exec(text)?.[1]).filter(Boolean)).toEqual(['3 s', '2 s', '1 s']);
    expect(written.at(-1)).toContain('The next code is ready.');
  });

  it('writes one line where the output cannot be redrawn, and gives up after three used windows in a row', async () => {
    let attempts = 0;
    const slept: number[] = [];
    const { written, output } = terminal(false);
    const outcome = await renewWaitingForNextCode(
      async () => {
        attempts++;
        return used;
      },
      output,
      async (ms) => {
        slept.push(ms);
      },
    );
    expect(outcome).toBe(used);
    expect(attempts).toBe(4);
    expect(slept).toEqual([3000, 3000, 3000]);
    expect(written.every((text) => text.endsWith('\n') && !text.includes('\r'))).toBe(true);
  });

  it('answers at once when the window was free', async () => {
    const { written, output } = terminal(true);
    expect(await renewWaitingForNextCode(async () => renewed, output)).toBe(renewed);
    expect(written).toEqual([]);
  });
});

describe('renewAskingAgain', () => {
  it('asks again after a code AWS rejected, and renews with the second', async () => {
    const outcomes = [wrong, renewed];
    const { written, output } = terminal(true);
    expect(await renewAskingAgain(async () => outcomes.shift()!, output)).toBe(renewed);
    expect(written).toEqual(['AWS rejected the MFA code for D. Try 2 of 3.\n']);
  });

  it('gives up after three rejected codes, saying so', async () => {
    let attempts = 0;
    const { written, output } = terminal(true);
    const outcome = await renewAskingAgain(async () => {
      attempts++;
      return wrong;
    }, output);
    expect(attempts).toBe(3);
    expect(outcome).toMatchObject({
      kind: 'wrong-code',
      message: 'AWS rejected the MFA code for D. 3 codes were rejected; nothing was renewed.',
    });
    expect(written).toHaveLength(2);
  });

  it('still waits out a used window between tries', async () => {
    const outcomes = [wrong, used, renewed];
    const slept: number[] = [];
    const { output } = terminal(false);
    const outcome = await renewAskingAgain(
      async () => outcomes.shift()!,
      output,
      async (ms) => void slept.push(ms),
    );
    expect(outcome).toBe(renewed);
    expect(slept).toEqual([3000]);
  });
});
