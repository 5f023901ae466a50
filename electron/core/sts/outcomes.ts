// Every way an STS/IAM call can end, as data the tray, the dialog and the CLI can show as they are.
// Messages never contain secrets (secret keys, session tokens, codes).

/** Who has to act: the user (input, keys, clock, configuration) or nobody yet (AWS or the network). */
export type FailureCategory = 'user' | 'aws';

export type StsFailure =
  | { kind: 'wrong-code'; category: 'user'; message: string }
  | { kind: 'code-already-used'; category: 'user'; message: string; retryAfterSeconds: number }
  | { kind: 'invalid-code-format'; category: 'user'; message: string }
  | { kind: 'wrong-serial'; category: 'user'; message: string; serialNumber: string }
  | { kind: 'invalid-key'; category: 'user'; message: string; accessKeyId: string }
  | { kind: 'wrong-secret'; category: 'user'; message: string; accessKeyId: string }
  | { kind: 'expired-session-keys'; category: 'user'; message: string }
  | { kind: 'session-keys-as-source'; category: 'user'; message: string }
  | { kind: 'duration-out-of-range'; category: 'user'; message: string; requested: number; min: number; max: number }
  | { kind: 'invalid-parameter'; category: 'user'; message: string }
  | { kind: 'access-denied'; category: 'user'; message: string }
  | { kind: 'clock-skew'; category: 'user'; message: string; clockOffsetSeconds: number }
  | { kind: 'throttled'; category: 'aws'; message: string }
  | { kind: 'timeout'; category: 'aws'; message: string; codeMayBeConsumed: boolean }
  | { kind: 'network'; category: 'aws'; message: string }
  | { kind: 'service-error'; category: 'aws'; message: string; httpStatus?: number }
  | { kind: 'malformed-response'; category: 'aws'; message: string }
  | { kind: 'unexpected'; category: 'aws'; message: string; code?: string };

export type StsFailureKind = StsFailure['kind'];

export type StsResult<T> = { ok: true; value: T } | { ok: false; failure: StsFailure };

/** Long-term or temporary keys to sign with. */
export interface AwsKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface AssumedRole extends SessionCredentials {
  assumedRoleArn: string;
}
