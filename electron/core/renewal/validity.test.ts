import { describe, expect, it } from 'vitest';
import { isStillValid, RENEWAL_MARGIN_MS } from './validity';

describe('still valid', () => {
  it('means more than the 2-minute margin left: a session about to end is due for renew and the helpers alike', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(isStillValid(new Date(now + 38_000), now)).toBe(false);
    expect(isStillValid(new Date(now + RENEWAL_MARGIN_MS), now)).toBe(false);
    expect(isStillValid(new Date(now + RENEWAL_MARGIN_MS + 1_000), now)).toBe(true);
    expect(isStillValid(new Date(now - 1), now)).toBe(false);
    expect(isStillValid(undefined, now)).toBe(false);
  });
});
