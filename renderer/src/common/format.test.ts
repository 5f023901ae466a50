import { describe, expect, it } from 'vitest';
import { formatClockOffset, formatDuration, formatRemaining } from './format';

describe('formatRemaining', () => {
  it('shows seconds only in the last minute', () => {
    expect(formatRemaining(12_400)).toBe('12 s');
  });
  it('pads minutes and seconds so the countdown does not jump in width', () => {
    expect(formatRemaining((4 * 60 + 9) * 1000)).toBe('4 min 09 s');
    expect(formatRemaining((2 * 3600 + 5 * 60) * 1000)).toBe('2 h 05 min');
  });
  it('switches to days for long sessions and never goes negative', () => {
    expect(formatRemaining(36 * 3600 * 1000)).toBe('1 d 12 h');
    expect(formatRemaining(-5000)).toBe('0 s');
  });
});

describe('formatDuration', () => {
  it('names hours and minutes with the right plural', () => {
    expect(formatDuration(86400)).toBe('24 hours');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
    expect(formatDuration(900)).toBe('15 minutes');
  });
});

describe('formatClockOffset', () => {
  it('says which way the local clock is off', () => {
    expect(formatClockOffset(750)).toBe('12 min 30 s ahead of');
    expect(formatClockOffset(-90)).toBe('1 min 30 s behind');
  });
});
