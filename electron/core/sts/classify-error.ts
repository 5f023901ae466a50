// Turns whatever the SDK threw into one StsFailure. Matching is on AWS error codes first and on message
// substrings (as observed from STS, aws-facts.md) only to split one code into its distinct causes.
import { ROLE_CHAINING_MAX_SECONDS, ROLE_DURATION, SESSION_DURATION } from '../../shared/vocabulary/sts-limits';
import type { AwsKeys, StsFailure } from './outcomes';
import { formatSpan } from '../../shared/time-format';

export interface FailureContext {
  operation: 'GetSessionToken' | 'AssumeRole' | 'GetCallerIdentity' | 'IAM';
  keys: AwsKeys;
  serialNumber?: string;
  durationSeconds?: number;
  /** Whether the request carried an MFA code that AWS may have accepted once the request was sent. */
  sendsCode: boolean;
  /** Server minus local clock (ms) from the last response's Date header. */
  clockOffsetMs?: number;
}

/** Beyond this, SigV4 signatures are rejected (AWS allows 15 minutes; we warn well before). */
const SKEW_REPORT_MS = 5 * 60_000;
/** A TOTP device on a clock this far off shows codes AWS no longer (or not yet) accepts. */
const TOTP_SKEW_MS = 30_000;

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN']);
const CUT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  $response?: unknown;
  cause?: unknown;
}

/** Removes every secret we hold from a text that came from outside (AWS may echo signed headers back). */
export function redactSecrets(text: string, keys: AwsKeys): string {
  let out = text;
  for (const secret of [keys.secretAccessKey, keys.sessionToken]) {
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}

/** AWS's own words, first sentence only (long SigV4 diagnostics add nothing for a person), secrets removed. */
function awsWords(message: string | undefined, keys: AwsKeys): string {
  const first = (message ?? '').split(/(?<=\.)\s/)[0]?.trim() ?? '';
  return redactSecrets(first.slice(0, 300), keys);
}

export function formatOffset(offsetMs: number): string {
  // AWS's clock is read to the second, with the request's travel time: whole minutes from two minutes on.
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const amount =
    seconds >= 120
      ? formatSpan(Math.round(seconds / 60) * 60_000)
      : formatSpan(seconds * 1000, { precision: 'second' });
  return `${amount} ${offsetMs > 0 ? 'behind' : 'ahead of'} AWS`;
}

function networkCode(error: SdkErrorShape): string | undefined {
  if (error.code) return error.code;
  const cause = error.cause as SdkErrorShape | undefined;
  return cause?.code;
}

const CONNECT_TIMEOUT = /establish a connection/i;

/**
 * AWS cannot have processed the request: no connection was made, or it was throttled before being processed.
 * Decided on the raw error, so retry safety never depends on the wording of our messages.
 */
export function neverProcessedByAws(thrown: unknown): boolean {
  const error = (thrown ?? {}) as SdkErrorShape;
  const net = networkCode(error);
  if (net && NOT_SENT_CODES.has(net)) return true;
  if (error.name === 'TimeoutError') return !(net && CUT_CODES.has(net)) && CONNECT_TIMEOUT.test(error.message ?? '');
  return THROTTLE_CODES.has(error.name ?? '') || error.$metadata?.httpStatusCode === 429;
}

export function classifyStsError(thrown: unknown, ctx: FailureContext): StsFailure {
  const error = (thrown ?? {}) as SdkErrorShape;
  const name = error.name ?? '';
  const message = error.message ?? '';
  const status = error.$metadata?.httpStatusCode;
  const offset = ctx.clockOffsetMs;
  const keyId = ctx.keys.accessKeyId;
  const device = ctx.serialNumber ?? 'the MFA device';

  // Network codes first: the SDK names a reset socket 'TimeoutError' too.
  const net = networkCode(error);
  if (net && NOT_SENT_CODES.has(net)) {
    return {
      kind: 'network',
      category: 'aws',
      message: `Cannot reach AWS STS (${net}). Check your network connection, VPN or proxy.`,
    };
  }
  if ((net && CUT_CODES.has(net)) || /socket hang up/i.test(message)) {
    return {
      kind: 'network',
      category: 'aws',
      message: `The connection to AWS STS dropped before an answer arrived.${ctx.sendsCode ? ' The code may have been used by AWS: wait for the next code before trying again.' : ' Try again.'}`,
    };
  }

  if (name === 'TimeoutError') {
    const connecting = CONNECT_TIMEOUT.test(message);
    const mayBeConsumed = ctx.sendsCode && !connecting;
    return {
      kind: 'timeout',
      category: 'aws',
      codeMayBeConsumed: mayBeConsumed,
      message: connecting
        ? 'AWS STS did not accept a connection in time. Check your network or proxy, then try again.'
        : `AWS STS did not answer in time.${mayBeConsumed ? ' The code may have been used by AWS: wait for the next code before trying again.' : ' Try again.'}`,
    };
  }
  if (THROTTLE_CODES.has(name) || status === 429) {
    return {
      kind: 'throttled',
      category: 'aws',
      message: 'AWS STS is throttling requests for this account. Wait a minute and try again.',
    };
  }

  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    if (/invalid MFA one time pass code/i.test(message)) {
      const skewHint =
        offset !== undefined && Math.abs(offset) >= TOTP_SKEW_MS
          ? ` This computer's clock is ${formatOffset(offset)}; codes generated here are for the wrong time.`
          : '';
      return {
        kind: 'wrong-code',
        category: 'user',
        message: `AWS rejected the MFA code for ${device}. Type the code the device shows now (each code works once).${skewHint}`,
      };
    }
    if (/unable to validate MFA code|verify your MFA serial/i.test(message)) {
      return {
        kind: 'wrong-serial',
        category: 'user',
        serialNumber: device,
        message: `AWS does not know the MFA device ${device} for the user of access key ${keyId}. Check mfa_serial: it must be the ARN of a device assigned to that user.`,
      };
    }
    if (/with session credentials/i.test(message)) {
      return {
        kind: 'session-keys-as-source',
        category: 'user',
        message: `The keys of access key ${keyId} are temporary session keys; GetSessionToken needs the IAM user's long-term keys (an access key starting with AKIA).`,
      };
    }
    return {
      kind: 'access-denied',
      category: 'user',
      message: `AWS denied ${ctx.operation}: ${awsWords(message, ctx.keys)}`,
    };
  }

  if (name === 'InvalidClientTokenId') {
    return {
      kind: 'invalid-key',
      category: 'user',
      accessKeyId: keyId,
      message: `AWS does not recognise access key ${keyId} (deleted, deactivated or mistyped). Create or reactivate a key in IAM and update the profile.`,
    };
  }

  if (name === 'SignatureDoesNotMatch') {
    const skewWords = /Signature expired|Signature not yet current/i.test(message);
    if (skewWords || (offset !== undefined && Math.abs(offset) >= SKEW_REPORT_MS)) {
      const offsetText =
        offset !== undefined ? `This computer's clock is ${formatOffset(offset)}.` : "This computer's clock is off.";
      return {
        kind: 'clock-skew',
        category: 'user',
        clockOffsetSeconds: -Math.round((offset ?? 0) / 1000), // contract: local minus AWS
        message: `AWS refused the request because the clocks disagree. ${offsetText} Set the system clock to automatic time, then try again.`,
      };
    }
    return {
      kind: 'wrong-secret',
      category: 'user',
      accessKeyId: keyId,
      message: `AWS says the secret access key does not belong to access key ${keyId}. Check aws_secret_access_key in the profile.`,
    };
  }

  if (name === 'ExpiredToken' || name === 'ExpiredTokenException') {
    return {
      kind: 'expired-session-keys',
      category: 'user',
      message: `The session keys of access key ${keyId} have expired. Renew the MFA session first.`,
    };
  }

  if (
    name === 'ValidationError' ||
    name === 'ValidationException' ||
    /exceeds the 1 hour session limit/i.test(message)
  ) {
    if (/durationSeconds|session limit/i.test(message)) {
      const chaining = /1 hour session limit/i.test(message);
      return {
        kind: 'duration-out-of-range',
        category: 'user',
        requested: ctx.durationSeconds ?? 0,
        min: chaining ? ROLE_DURATION.min : SESSION_DURATION.min,
        max: chaining ? ROLE_CHAINING_MAX_SECONDS : SESSION_DURATION.max,
        message: chaining
          ? `Roles assumed with temporary credentials (role chaining) last at most 1 hour (${ROLE_CHAINING_MAX_SECONDS} s).`
          : `AWS rejected the session duration ${ctx.durationSeconds ?? ''} s: ${awsWords(message, ctx.keys)}`,
      };
    }
    if (/tokenCode/i.test(message)) {
      return { kind: 'invalid-code-format', category: 'user', message: 'The MFA code must be exactly 6 digits.' };
    }
    return {
      kind: 'invalid-parameter',
      category: 'user',
      message: `AWS rejected a parameter: ${awsWords(message, ctx.keys)}`,
    };
  }

  const looksLikeParseFailure =
    /Deserialization error|Unexpected token|non-whitespace|Invalid character|Unclosed|not well-formed|Cannot read properties|Expected/i.test(
      message,
    ) || name === 'SyntaxError';
  if (error.$fault === 'server' || (status !== undefined && status >= 500)) {
    return {
      kind: 'service-error',
      category: 'aws',
      httpStatus: status,
      message: `AWS STS had an internal error${status ? ` (HTTP ${status})` : ''}.${ctx.sendsCode ? ' If it repeats, wait for the next code before trying again.' : ' Try again in a moment.'}`,
    };
  }
  if (looksLikeParseFailure || (status !== undefined && status < 300)) {
    return {
      kind: 'malformed-response',
      category: 'aws',
      message: `The answer from AWS STS could not be read (is the endpoint really STS? a proxy or captive portal in the way?).${ctx.sendsCode ? ' The code may have been used: wait for the next code before trying again.' : ''}`,
    };
  }
  return {
    kind: 'unexpected',
    category: 'aws',
    code: name || undefined,
    message: `${ctx.operation} failed: ${name ? `${name}: ` : ''}${awsWords(message, ctx.keys) || 'no details'}`,
  };
}
