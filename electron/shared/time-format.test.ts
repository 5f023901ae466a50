import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatClockOffset,
  formatDuration,
  formatSpan,
  formatTimeLeft,
  NOT_RENEWED_YET,
} from './time-format';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const UTC = { timeZone: 'UTC', locale: 'en-GB' } as const;

describe('formatTimeLeft', () => {
  it('says "under a minute" below a minute, and the seconds where they are counted down', () => {
    expect(formatTimeLeft(NOW + 38 * SECOND, NOW)).toBe('under a minute');
    expect(formatTimeLeft(NOW + 59_999, NOW)).toBe('under a minute');
    expect(formatTimeLeft(NOW + 38 * SECOND, NOW, { precision: 'second' })).toBe('38 s');
  });
  it('writes exactly an hour as "1 h", and never rounds time left up', () => {
    expect(formatTimeLeft(NOW + HOUR, NOW)).toBe('1 h');
    expect(formatTimeLeft(NOW + HOUR, NOW, { precision: 'second' })).toBe('1 h');
    expect(formatTimeLeft(NOW + HOUR - 1, NOW)).toBe('59 min');
    expect(formatTimeLeft(NOW + HOUR - 1, NOW, { precision: 'second' })).toBe('59 min 59 s');
    expect(formatTimeLeft(NOW + 24 * HOUR - SECOND, NOW)).toBe('23 h 59 min');
  });
  it('pads the smaller unit so a countdown keeps its width', () => {
    expect(formatTimeLeft(NOW + 3 * HOUR + 5 * MINUTE, NOW)).toBe('3 h 05 min');
    expect(formatTimeLeft(NOW + 4 * MINUTE + 9 * SECOND, NOW, { precision: 'second' })).toBe('4 min 09 s');
    expect(formatTimeLeft(NOW + 5 * MINUTE, NOW, { precision: 'second' })).toBe('5 min');
  });
  it('switches to days over a day (sessions last up to 36 h)', () => {
    expect(formatTimeLeft(NOW + 24 * HOUR, NOW)).toBe('1 d');
    expect(formatTimeLeft(NOW + 36 * HOUR, NOW)).toBe('1 d 12 h');
    expect(formatTimeLeft(NOW + 36 * HOUR + 59 * MINUTE, NOW)).toBe('1 d 12 h');
  });
  it('says "expired" at and after the expiry, and "not renewed yet" without one', () => {
    expect(formatTimeLeft(NOW, NOW)).toBe('expired');
    expect(formatTimeLeft(NOW - 5 * SECOND, NOW)).toBe('expired');
    expect(formatTimeLeft(NOW + 999, NOW, { precision: 'second' })).toBe('expired');
    expect(formatTimeLeft(undefined, NOW)).toBe(NOT_RENEWED_YET);
    expect(formatTimeLeft(Number.NaN, NOW)).toBe('not renewed yet');
  });
});

describe('formatSpan', () => {
  it('never goes negative', () => {
    expect(formatSpan(-5000, { precision: 'second' })).toBe('0 s');
  });
});

describe('formatClock', () => {
  it('names today, tomorrow and yesterday, then the weekday and date, then the year', () => {
    expect(formatClock('2026-12-02T22:45:48Z', NOW, UTC)).toBe('today 22:45');
    expect(formatClock('2026-12-03T00:15:00Z', NOW, UTC)).toBe('tomorrow 00:15');
    expect(formatClock('2026-12-01T09:10:00Z', NOW, UTC)).toBe('yesterday 09:10');
    expect(formatClock('2026-12-09T08:00:00Z', NOW, UTC)).toBe('Wed 9 Dec 08:00');
    expect(formatClock('2027-01-04T08:00:00Z', NOW, UTC)).toBe('4 Jan 2027 08:00');
  });
  it('counts calendar days in the zone across a DST change', () => {
    // Europe/Berlin leaves summer time on 25 Oct 2026: that day has 25 hours.
    const berlin = { timeZone: 'Europe/Berlin', locale: 'en-GB' };
    const lateSaturday = Date.parse('2026-10-24T21:30:00Z'); // 23:30 local
    expect(formatClock('2026-10-25T22:45:00Z', lateSaturday, berlin)).toBe('tomorrow 23:45');
  });
  it('takes a Date, an ISO string or milliseconds, and says so when the time is unreadable', () => {
    const at = Date.parse('2026-12-02T12:00:00Z');
    expect(formatClock(new Date(at), NOW, UTC)).toBe(formatClock(at, NOW, UTC));
    expect(formatClock('soon', NOW, UTC)).toBe('an unreadable time');
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
