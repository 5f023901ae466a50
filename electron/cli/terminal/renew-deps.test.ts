import { describe, expect, it } from 'vitest';
import { parseSeconds } from './renew-deps';

describe('parseSeconds (--timeout, --duration)', () => {
  it('reads whole seconds, blanks around them allowed', () => {
    expect(parseSeconds(' 30 ', '--timeout')).toBe(30);
  });

  it('refuses zero (no timeout at all to the SDK), fractions, signs and words, naming the option', () => {
    for (const bad of ['0', '1.5', '-1', '+5', 'abc', '']) {
      expect(() => parseSeconds(bad, '--timeout')).toThrow(
        `--timeout must be a whole number of seconds above 0, got "${bad}".`,
      );
    }
  });
});
