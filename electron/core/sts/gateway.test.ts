// The gateway against a canned HTTP responder: proves how each wire-level answer becomes one outcome,
// and which requests are retried. (The e2e tests run the same cases against the STS emulator.)
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStsGateway } from './gateway';

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const servers: { close(): void }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function serve(reply: Reply): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls += 1;
      reply(req, res, body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push({ close: () => server.close() });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls };
}

const xml =
  (status: number, text: string, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/xml', ...headers });
    res.end(text);
  };
const awsError = (status: number, code: string, message: string, headers: Record<string, string> = {}): Reply =>
  xml(
    status,
    `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
    headers,
  );

const KEYS = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'secret-secret-secret-secret' };
const GST = { serialNumber: 'arn:aws:iam::111111111111:mfa/user', tokenCode: '123456', durationSeconds: 3600 };
const fastPolicy = { retryBaseDelayMs: 1, connectionTimeoutMs: 500, requestTimeoutMs: 300 };

function gateway(url: string, keys: typeof KEYS & { sessionToken?: string } = KEYS) {
  return createStsGateway({ keys, env: { AWS_ENDPOINT_URL_STS: url }, policy: fastPolicy });
}

const okGst = xml(
  200,
  `<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetSessionTokenResult><Credentials>
<AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s3cr3t</SecretAccessKey><SessionToken>tok</SessionToken>
<Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></GetSessionTokenResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetSessionTokenResponse>`,
);

describe('GetSessionToken outcomes', () => {
  it('returns the session credentials and sends serial, code and duration', async () => {
    let sent = '';
    const s = await serve((req, res, body) => {
      sent = body;
      okGst(req, res, body);
    });
    const result = await gateway(s.url).getSessionToken(GST);
    expect(result).toEqual({
      ok: true,
      value: {
        accessKeyId: 'ASIAEXAMPLE',
        secretAccessKey: 's3cr3t',
        sessionToken: 'tok',
        expiration: new Date('2030-01-01T00:00:00Z'),
      },
    });
    expect(sent).toContain('TokenCode=123456');
    expect(sent).toContain('DurationSeconds=3600');
    expect(sent).toContain(encodeURIComponent(GST.serialNumber));
  });

  const cases: [string, Reply, string, RegExp][] = [
    [
      'wrong code',
      awsError(403, 'AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code. '),
      'wrong-code',
      /rejected the MFA code/,
    ],
    [
      'wrong serial',
      awsError(
        403,
        'AccessDenied',
        'MultiFactorAuthentication failed, unable to validate MFA code. Please verify your MFA serial number is valid and associated with this user.',
      ),
      'wrong-serial',
      /mfa_serial/,
    ],
    [
      'unknown key',
      awsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.'),
      'invalid-key',
      /AKIAEXAMPLE000000001/,
    ],
    [
      'wrong secret',
      awsError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      ),
      'wrong-secret',
      /aws_secret_access_key/,
    ],
    [
      'expired keys',
      awsError(403, 'ExpiredToken', 'The security token included in the request is expired'),
      'expired-session-keys',
      /expired/,
    ],
    [
      'session keys',
      awsError(403, 'AccessDenied', 'Cannot call GetSessionToken with session credentials'),
      'session-keys-as-source',
      /long-term/,
    ],
    [
      'duration',
      awsError(
        400,
        'ValidationError',
        "1 validation error detected: Value '1' at 'durationSeconds' failed to satisfy constraint",
      ),
      'duration-out-of-range',
      /duration/,
    ],
    ['throttling', awsError(400, 'Throttling', 'Rate exceeded'), 'throttled', /throttling/],
    ['5xx', awsError(500, 'InternalFailure', 'oops'), 'service-error', /internal error \(HTTP 500\)/],
    [
      'malformed XML',
      xml(200, '<GetSessionTokenResponse><GetSessionTokenResult><Credentials><AccessKeyId>'),
      'malformed-response',
      /could not be read|without complete/,
    ],
    ['dropped connection', (req) => req.socket.destroy(), 'network', /dropped/],
  ];
  for (const [name, reply, kind, message] of cases) {
    it(`maps ${name} to ${kind}`, async () => {
      const s = await serve(reply);
      const result = await gateway(s.url).getSessionToken(GST);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.failure.kind).toBe(kind);
      expect(result.failure.message).toMatch(message);
    });
  }

  it('reports clock skew with the offset from the Date header', async () => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toUTCString();
    const s = await serve(
      awsError(
        403,
        'SignatureDoesNotMatch',
        'Signature expired: 20300101T000000Z is now earlier than 20290101T000000Z',
        { date: tenMinutesAgo },
      ),
    );
    const result = await gateway(s.url).getSessionToken(GST);
    expect(result.ok || result.failure).toMatchObject({
      kind: 'clock-skew',
      message: expect.stringMatching(/10 min ahead of AWS/),
    });
    if (!result.ok && result.failure.kind === 'clock-skew')
      expect(result.failure.clockOffsetSeconds).toBeGreaterThan(590);
  });

  it('times out and says the code may have been consumed, without retrying', async () => {
    const s = await serve(() => undefined); // never answers
    const result = await gateway(s.url).getSessionToken(GST);
    expect(result.ok || result.failure).toMatchObject({ kind: 'timeout', codeMayBeConsumed: true });
    expect(s.calls()).toBe(1);
  });

  it('never retries a sent code after a 5xx, but retries throttling (not processed by AWS)', async () => {
    const fiveXx = await serve(awsError(503, 'ServiceUnavailable', 'down'));
    await gateway(fiveXx.url).getSessionToken(GST);
    expect(fiveXx.calls()).toBe(1);
    let n = 0;
    const throttledOnce = await serve((req, res, body) =>
      (++n === 1 ? awsError(400, 'Throttling', 'Rate exceeded') : okGst)(req, res, body),
    );
    expect((await gateway(throttledOnce.url).getSessionToken(GST)).ok).toBe(true);
    expect(throttledOnce.calls()).toBe(2);
  });

  it('reports a closed port as a network failure', async () => {
    const s = await serve(okGst);
    servers.splice(0).forEach((x) => x.close());
    const port = new URL(s.url).port;
    const result = await gateway(`http://127.0.0.1:${port}`).getSessionToken(GST);
    expect(result.ok || result.failure).toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/Cannot reach/),
    });
  });

  it('checks code, serial, duration and key type before sending anything', async () => {
    const s = await serve(okGst);
    const g = gateway(s.url);
    const kinds = async (input: Partial<typeof GST>, keys = KEYS as typeof KEYS & { sessionToken?: string }) => {
      const r = await gateway(s.url, keys).getSessionToken({ ...GST, ...input });
      return r.ok ? 'ok' : r.failure.kind;
    };
    expect(await kinds({ tokenCode: '12345' })).toBe('invalid-code-format');
    expect(await kinds({ serialNumber: 'short' })).toBe('invalid-parameter');
    expect(await kinds({ durationSeconds: 899 })).toBe('duration-out-of-range');
    expect(await kinds({ durationSeconds: 129_601 })).toBe('duration-out-of-range');
    expect(await kinds({}, { ...KEYS, sessionToken: 'session-token-value' })).toBe('session-keys-as-source');
    expect(s.calls()).toBe(0);
    g.close();
  });

  it('never puts secrets in messages, even when AWS echoes them', async () => {
    const keys = { ...KEYS, sessionToken: 'TOKEN-THAT-MUST-NOT-LEAK' };
    const s = await serve(
      awsError(
        403,
        'AccessDenied',
        `Denied. canonical: x-amz-security-token:${keys.sessionToken} ${keys.secretAccessKey}`,
      ),
    );
    const result = await gateway(s.url, keys).assumeRole({
      roleArn: 'arn:aws:iam::222222222222:role/R',
      roleSessionName: 'mfa-tray',
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(keys.sessionToken);
    expect(JSON.stringify(result)).not.toContain(keys.secretAccessKey);
  });
});

describe('AssumeRole and GetCallerIdentity', () => {
  it('caps role chaining at one hour before calling', async () => {
    const s = await serve(okGst);
    const result = await gateway(s.url, { ...KEYS, sessionToken: 'session-token-value' }).assumeRole({
      roleArn: 'arn:aws:iam::222222222222:role/R',
      roleSessionName: 'mfa-tray',
      durationSeconds: 7200,
    });
    expect(result.ok || result.failure).toMatchObject({ kind: 'duration-out-of-range', max: 3600 });
    expect(s.calls()).toBe(0);
  });

  it('retries a 5xx of GetCallerIdentity (no code involved) up to the attempt limit', async () => {
    const s = await serve(awsError(500, 'InternalFailure', 'oops'));
    const result = await gateway(s.url).getCallerIdentity();
    expect(result.ok || result.failure.kind).toBe('service-error');
    expect(s.calls()).toBe(3);
  });

  it('reads the identity', async () => {
    const s = await serve(
      xml(
        200,
        '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/u</Arn><UserId>AIDA</UserId><Account>111111111111</Account></GetCallerIdentityResult></GetCallerIdentityResponse>',
      ),
    );
    expect(await gateway(s.url).getCallerIdentity()).toEqual({
      ok: true,
      value: { account: '111111111111', arn: 'arn:aws:iam::1:user/u', userId: 'AIDA' },
    });
  });
});
