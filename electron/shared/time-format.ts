// The one way MFA Tray writes time, for the CLI, the tray, notifications and every window: how long is left
// ("3 h 05 min"), when something happens ("today 22:45", "Wed 2 Dec 22:45") and how long a session lasts
// ("24 hours"). Pure (Intl only), so every runtime shares it and its edges are unit-tested once.

/** What a session without an expiry (never renewed by anyone) is called: "never" read as "never expires". */
export const NOT_RENEWED_YET = 'not renewed yet';

export interface SpanOptions {
  /**
   * 'minute' (default): whole minutes, "under a minute" below one, so a label changes at most once a minute (tray,
   * notifications, CLI). 'second': seconds below an hour, for live countdowns in a window or a terminal.
   */
  precision?: 'minute' | 'second';
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A span of time, rounded down (time left is never overstated): "1 d 12 h", "1 h", "3 h 05 min", "45 min",
 * "under a minute" or, with seconds, "4 min 09 s" and "38 s". Negative spans count as 0.
 */
export function formatSpan(ms: number, options: SpanOptions = {}): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${pad(minutes)} min` : `${hours} h`;
  if (options.precision === 'second') {
    if (minutes > 0) return seconds > 0 ? `${minutes} min ${pad(seconds)} s` : `${minutes} min`;
    return `${seconds} s`;
  }
  return minutes > 0 ? `${minutes} min` : 'under a minute';
}

/** Time left until `expiresAtMs`: a span, "expired" once none is left, "not renewed yet" without an expiry. */
export function formatTimeLeft(expiresAtMs: number | undefined, nowMs: number, options: SpanOptions = {}): string {
  if (expiresAtMs === undefined || Number.isNaN(expiresAtMs)) return NOT_RENEWED_YET;
  const left = expiresAtMs - nowMs;
  if (options.precision === 'second' ? left < 1000 : left <= 0) return 'expired';
  return formatSpan(left, options);
}

/** Session lengths as people say them: "24 hours", "1 hour 30 minutes", "15 minutes". */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes > 0) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  return parts.length > 0 ? parts.join(' ') : `${seconds} seconds`;
}

export interface ClockOptions {
  /** IANA zone; default the runtime's (tests pin 'UTC'). */
  timeZone?: string;
  /** BCP 47 locale; default the runtime's. */
  locale?: string;
}

interface ClockFormats {
  time: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  dayOfYear: Intl.DateTimeFormat;
  year: Intl.DateTimeFormat;
}

// Built once per locale and zone: constructing a formatter per call dominated rendering a thousand rows.
const formats = new Map<string, ClockFormats>();

function clockFormats(options: ClockOptions): ClockFormats {
  const key = `${options.locale ?? ''}|${options.timeZone ?? ''}`;
  let found = formats.get(key);
  if (!found) {
    const zone = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
    found = {
      time: new Intl.DateTimeFormat(options.locale, { hour: '2-digit', minute: '2-digit', ...zone }),
      day: new Intl.DateTimeFormat(options.locale, { weekday: 'short', day: 'numeric', month: 'short', ...zone }),
      dayOfYear: new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone }),
      year: new Intl.DateTimeFormat(options.locale, { day: 'numeric', month: 'short', year: 'numeric', ...zone }),
    };
    formats.set(key, found);
  }
  return found;
}

/**
 * A moment in local time as short as it can be read without doubt: "today 22:45", "tomorrow 22:45",
 * "yesterday 09:10", "Wed 2 Dec 22:45" within the year, "2 Dec 2027 22:45" beyond it.
 */
export function formatClock(at: Date | string | number, nowMs: number, options: ClockOptions = {}): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return 'an unreadable time';
  const f = clockFormats(options);
  const time = f.time.format(date);
  // Calendar days apart in the zone (not 24-hour steps, which a DST change would make 23 or 25 hours).
  const calendarDay = (ms: number) => Date.parse(`${f.dayOfYear.format(ms)}T00:00:00Z`);
  const days = Math.round((calendarDay(date.getTime()) - calendarDay(nowMs)) / 86_400_000);
  if (days === 0) return `today ${time}`;
  if (days === 1) return `tomorrow ${time}`;
  if (days === -1) return `yesterday ${time}`;
  if (f.dayOfYear.format(date).slice(0, 4) === f.dayOfYear.format(nowMs).slice(0, 4))
    return `${f.day.format(date)} ${time}`;
  return `${f.year.format(date)} ${time}`;
}

/** Clock skew as a sentence fragment: "12 min 30 s ahead of" / "behind". */
export function formatClockOffset(offsetSeconds: number): string {
  const direction = offsetSeconds >= 0 ? 'ahead of' : 'behind';
  return `${formatSpan(Math.abs(offsetSeconds) * 1000, { precision: 'second' })} ${direction}`;
}
