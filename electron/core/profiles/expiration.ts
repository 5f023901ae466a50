// Expiration stamps as the tools that write them spell them:
// - the scenario's renewal script and `aws configure set`: ISO-8601 (`2024-05-01T12:00:00Z`, `+00:00`, fractions);
// - aws-mfa: Python's str(datetime) in UTC without a zone (`2024-05-01 12:00:00`);
// - botocore's JSONFileCache: strftime('%Y-%m-%dT%H:%M:%S%Z') of an aware datetime (`2024-05-01T12:00:00UTC`).
const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

// - awsume's output profiles (`manager = awsume`): the same form as aws-mfa's, but in local time.

/** How a stamp without a zone is read in a profile with these settings: awsume writes local time, others UTC. */
export function naiveStampZone(settings: Readonly<Record<string, unknown>>): 'utc' | 'local' {
  const manager = settings.manager;
  return typeof manager === 'string' && manager.trim().toLowerCase() === 'awsume' ? 'local' : 'utc';
}

/** Parses an expiration stamp; a stamp without a zone is UTC (aws-mfa's form) unless `naive` says local. Undefined when not a real time. */
export function parseExpiration(value: string, naive: 'utc' | 'local' = 'utc'): Date | undefined {
  const stamp = value.trim();
  if (!STAMP.test(stamp)) return undefined;
  // STAMP fixes where its ASCII digits are (YYYY-MM-DD?HH:MM:SS, then .fraction, then the zone): read them in
  // place rather than through a match array of substrings.
  const year = twoDigits(stamp, 0) * 100 + twoDigits(stamp, 2);
  const month = twoDigits(stamp, 5);
  const day = twoDigits(stamp, 8);
  const hour = twoDigits(stamp, 11);
  const minute = twoDigits(stamp, 14);
  const second = twoDigits(stamp, 17);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let zoneStart = 19;
  let millis = 0;
  if (stamp.charCodeAt(19) === 0x2e /* . */) {
    zoneStart = 20;
    while (isDigit(stamp.charCodeAt(zoneStart))) zoneStart++;
    millis = Math.floor(Number(`0.${stamp.slice(20, zoneStart)}`) * 1000);
  }
  if (zoneStart === stamp.length && naive === 'local') {
    const local = new Date(year, month - 1, day, hour, minute, second, millis);
    return Number.isNaN(local.getTime()) ? undefined : local;
  }
  const offsetMinutes = zoneOffsetMinutes(zoneStart === stamp.length ? 'Z' : stamp.slice(zoneStart));
  if (offsetMinutes === undefined) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000);
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Minutes east of UTC for a zone STAMP accepted: Z, UTC or GMT (any case), or ±HH[:]MM. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const sign = zone.charCodeAt(0);
  if (sign !== 0x2b /* + */ && sign !== 0x2d /* - */) return 0;
  const hours = twoDigits(zone, 1);
  const minutes = twoDigits(zone, zone.length - 2);
  if (hours > 23 || minutes > 59) return undefined;
  return (sign === 0x2d ? -1 : 1) * (hours * 60 + minutes);
}

/** The number written by the two ASCII digits at `at` (STAMP has checked they are digits). */
function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 0x30) * 10 + (text.charCodeAt(at + 1) - 0x30);
}
