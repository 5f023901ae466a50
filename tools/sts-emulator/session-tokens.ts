import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { randomSessionAccessKeyId } from './identifiers';

/** What a set of temporary credentials stands for, carried inside its session token (like AWS, statelessly). */
export interface SessionClaims {
  kind: 'session' | 'role';
  accountId: string;
  /** The IAM user behind a GetSessionToken session. */
  userName?: string;
  roleArn?: string;
  roleSessionName?: string;
  /** When MFA was last proven for this chain of credentials (aws:MultiFactorAuthAge). */
  mfaAtMs?: number;
  expiresAtMs: number;
}

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

const MAC_BYTES = 32;
// Real tokens start with a protobuf-ish header; a fixed prefix keeps ours recognisably token-shaped.
const TOKEN_PREFIX = Buffer.from('IQoJb3JpZ2luX2VjEMT//////////wEaCXVzLWVhc3QtMSJH', 'base64');

/**
 * Issues and opens temporary credentials without storing them: the token carries its claims and a MAC,
 * and the secret key is derived from the access key id. Memory stays flat however many sessions a
 * benchmark creates, and expired tokens keep answering ExpiredToken rather than "invalid".
 */
export class SessionIssuer {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  issue(claims: SessionClaims): IssuedCredentials {
    const accessKeyId = randomSessionAccessKeyId();
    const payload = Buffer.from(JSON.stringify({ ...claims, accessKeyId, nonce: randomBytes(96).toString('base64') }));
    const token = Buffer.concat([TOKEN_PREFIX, payload, this.mac(payload)]).toString('base64');
    return { accessKeyId, secretAccessKey: this.secretFor(accessKeyId), sessionToken: token };
  }

  secretFor(accessKeyId: string): string {
    return this.mac(Buffer.from(`secret:${accessKeyId}`))
      .toString('base64')
      .slice(0, 40);
  }

  /** The claims of a token issued here for this access key id, or undefined if it is not one. */
  open(accessKeyId: string, sessionToken: string): SessionClaims | undefined {
    const bytes = Buffer.from(sessionToken, 'base64');
    if (bytes.length <= TOKEN_PREFIX.length + MAC_BYTES || !bytes.subarray(0, TOKEN_PREFIX.length).equals(TOKEN_PREFIX))
      return undefined;
    const payload = bytes.subarray(TOKEN_PREFIX.length, bytes.length - MAC_BYTES);
    if (!timingSafeEqual(bytes.subarray(bytes.length - MAC_BYTES), this.mac(payload))) return undefined;
    const {
      accessKeyId: tokenKeyId,
      nonce: _nonce,
      ...claims
    } = JSON.parse(payload.toString('utf8')) as SessionClaims & {
      accessKeyId: string;
      nonce: string;
    };
    return tokenKeyId === accessKeyId ? claims : undefined;
  }

  private mac(data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(data).digest();
  }
}
