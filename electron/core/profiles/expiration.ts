// Expiration stamps as the tools that write them spell them:
// - the scenario's renewal script and `aws configure set`: ISO-8601 (`2024-05-01T12:00:00Z`, `+00:00`, fractions);
// - aws-mfa: Python's str(datetime) in UTC without a zone (`2024-05-01 12:00:00`);
// - botocore's JSONFileCache: strftime('%Y-%m-%dT%H:%M:%S%Z') of an aware datetime (`2024-05-01T12:00:00UTC`).
const STAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/** Parses an expiration stamp; a stamp without a zone is UTC (aws-mfa's form). Undefined when not a real time. */
export function parseExpiration(value: string): Date | undefined {
  const match = STAMP.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const fields = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = fields;
  const millis = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, millis);
  // Date.UTC rolls 2024-02-30 over to March: a round trip catches impossible dates and times.
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== mo - 1 ||
    check.getUTCDate() !== d ||
    check.getUTCHours() !== h ||
    check.getUTCMinutes() !== mi ||
    check.getUTCSeconds() !== s
  ) {
    return undefined;
  }
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === undefined) return undefined;
  return new Date(utc - offsetMinutes * 60_000);
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (/^(Z|UTC|GMT)$/i.test(zone)) return 0;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
