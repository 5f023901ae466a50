import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AwsError, signatureMismatch } from './aws-error';
import { amzDate as formatAmzDate } from './identifiers';

/** The parts of an HTTP request that SigV4 covers. */
export interface SignableRequest {
  method: string;
  /** Path and query as received, e.g. `/` or `/?a=b`. */
  url: string;
  /** Node's rawHeaders: name, value, name, value... (keeps repeated headers apart). */
  rawHeaders: string[];
  body: Buffer;
}

export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

// STS and IAM accept signatures up to 15 minutes off the server's clock.
const MAX_SKEW_MS = 15 * 60 * 1000;

const incomplete = (message: string): AwsError => new AwsError('IncompleteSignature', message, 400);

export function parseAuthorization(header: string): SigV4Authorization {
  const match = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!match)
    throw incomplete(
      `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' of AWS4-HMAC-SHA256.`,
    );
  const parts = new Map<string, string>();
  for (const part of match[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw incomplete(`Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.`);
  }
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request' || !/^\d{8}$/.test(scope[1]!)) {
    throw incomplete(`Credential should be scoped to a valid region, service and date: '${credential}'.`);
  }
  const [accessKeyId, date, region, service] = scope as [string, string, string, string];
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** Throws the real skew messages when the request time is more than 15 minutes from `nowMs`. */
export function checkRequestTime(amzDate: string, nowMs: number): void {
  const requestMs = parseAmzDate(amzDate);
  if (requestMs === undefined) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  const now = formatAmzDate(nowMs);
  if (requestMs < nowMs - MAX_SKEW_MS) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${now} - 15 min.)`,
      403,
    );
  }
  if (requestMs > nowMs + MAX_SKEW_MS) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${now} + 15 min.)`,
      403,
    );
  }
}

/** Recomputes the signature with `secret` and throws SignatureDoesNotMatch when it differs. */
export function verifySignature(
  request: SignableRequest,
  auth: SigV4Authorization,
  amzDate: string,
  secret: string,
): void {
  if (!auth.signedHeaders.includes('host')) throw signatureMismatch();
  const expected = Buffer.from(computeSignature(request, auth, amzDate, secret), 'utf8');
  const given = Buffer.from(auth.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw signatureMismatch();
}

function computeSignature(request: SignableRequest, auth: SigV4Authorization, amzDate: string, secret: string): string {
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    sha256Hex(canonicalRequest(request, auth.signedHeaders)),
  ].join('\n');
  let key: Buffer = hmac(`AWS4${secret}`, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  return hmac(key, stringToSign).toString('hex');
}

function canonicalRequest(request: SignableRequest, signedHeaders: string[]): string {
  const queryStart = request.url.indexOf('?');
  const path = queryStart === -1 ? request.url : request.url.slice(0, queryStart);
  const query = queryStart === -1 ? '' : request.url.slice(queryStart + 1);
  const headers = headerValues(request.rawHeaders);
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  return [
    request.method,
    canonicalPath(path),
    canonicalQuery(query),
    canonicalHeaders,
    signedHeaders.join(';'),
    sha256Hex(request.body),
  ].join('\n');
}

function headerValues(rawHeaders: string[]): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!.trim().replace(/\s+/g, ' ');
    values.set(name, values.has(name) ? `${values.get(name)},${value}` : value);
  }
  return values;
}

// RFC 3986 unreserved characters stay; everything else is %XX upper-case, as SigV4 requires.
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

function canonicalPath(path: string): string {
  return (
    path
      .split('/')
      .map((segment) => uriEncode(safeDecode(segment)))
      .join('/') || '/'
  );
}

function canonicalQuery(query: string): string {
  if (query === '') return '';
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      const value = eq === -1 ? '' : pair.slice(eq + 1);
      return [uriEncode(safeDecode(name)), uriEncode(safeDecode(value))] as const;
    })
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function parseAmzDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  return Number.isNaN(ms) ? undefined : ms;
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
