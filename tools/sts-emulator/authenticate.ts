import { AwsError, expiredToken, invalidClientToken } from './aws-error';
import type { Caller } from './callers';
import type { SessionIssuer } from './session-tokens';
import { checkRequestTime, type SigV4Authorization, type SignableRequest, verifySignature } from './sigv4';
import type { EmulatorState } from './state';

/**
 * Resolves the signer of a request in the order AWS reports problems: request time, key id,
 * session token, then the signature itself (recomputed with the key's secret).
 */
export function authenticate(
  request: SignableRequest & { header(name: string): string | undefined },
  auth: SigV4Authorization,
  state: EmulatorState,
  issuer: SessionIssuer,
  nowMs: number,
): Caller {
  const amzDate = request.header('x-amz-date');
  if (!amzDate) {
    throw new AwsError(
      'IncompleteSignature',
      `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.`,
      400,
    );
  }
  checkRequestTime(amzDate, nowMs);

  const sessionToken = request.header('x-amz-security-token');
  const longTerm = state.accessKey(auth.accessKeyId);
  if (longTerm) {
    if (longTerm.key.status !== 'Active' || sessionToken !== undefined) throw invalidClientToken();
    verifySignature(request, auth, amzDate, longTerm.key.secret);
    return { kind: 'user', accountId: longTerm.user.accountId, user: longTerm.user };
  }

  if (sessionToken === undefined) throw invalidClientToken();
  const claims = issuer.open(auth.accessKeyId, sessionToken);
  if (!claims) throw invalidClientToken();
  verifySignature(request, auth, amzDate, issuer.secretFor(auth.accessKeyId));
  if (nowMs >= claims.expiresAtMs) throw expiredToken();

  const common = { accountId: claims.accountId, expiresAtMs: claims.expiresAtMs, mfaAtMs: claims.mfaAtMs };
  if (claims.kind === 'session') {
    const user = state.user(claims.accountId, claims.userName ?? '');
    if (!user) throw invalidClientToken();
    return { kind: 'session', user, ...common };
  }
  const role = state.roles.get(claims.roleArn ?? '');
  if (!role || !claims.roleSessionName) throw invalidClientToken();
  return { kind: 'role', role, roleSessionName: claims.roleSessionName, ...common };
}
