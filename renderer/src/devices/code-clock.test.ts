import { describe, expect, it } from 'vitest';
import { dueSerials, RETRY_AFTER_ERROR_MS, secondsLeft, shownCode, shownError } from './code-clock';

const AT = 1_000_000;
const view = { serial: 'arn:aws:iam::111111111111:mfa/a', currentCode: '123456', secondsLeft: 12, windowUsed: false };

describe('the lab code clock', () => {
  it('counts down to the end of the code window and then asks for the next code', () => {
    const shown = shownCode(view, AT);
    expect(secondsLeft(shown, AT)).toBe(12);
    expect(secondsLeft(shown, AT + 11_500)).toBe(1);
    expect(dueSerials(['a'], { a: shown }, AT + 11_999, new Set())).toEqual([]);
    expect(dueSerials(['a'], { a: shown }, AT + 12_000, new Set())).toEqual(['a']);
    expect(secondsLeft(shown, AT + 20_000)).toBe(0);
  });

  it("never shows more than a window, even when the clock tick lags the code's arrival", () => {
    expect(secondsLeft(shownCode({ ...view, secondsLeft: 30 }, AT), AT - 900)).toBe(30);
  });

  it('fetches devices never shown, but not twice while a request is out', () => {
    expect(dueSerials(['a', 'b'], {}, AT, new Set(['b']))).toEqual(['a']);
  });

  it('after an error waits before asking again', () => {
    const failed = shownError('The keychain is locked.', AT);
    expect(dueSerials(['a'], { a: failed }, AT + RETRY_AFTER_ERROR_MS - 1, new Set())).toEqual([]);
    expect(dueSerials(['a'], { a: failed }, AT + RETRY_AFTER_ERROR_MS, new Set())).toEqual(['a']);
  });
});
