import { describe, expect, it } from 'vitest';
import type { RenewOutcome } from '../../core/renewal';
import { renewWaitingForNextCode } from './next-code-wait';

const used: RenewOutcome = { kind: 'code-already-used', category: 'user', retryAfterSeconds: 3, message: 'used' };
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
