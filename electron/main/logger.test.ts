import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger, type LogLevel } from './logger';
import { redactText } from './redact';

const SECRETS = {
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE'.repeat(8) + 'AbC+/==',
  totpSeed: 'JV4VEZLQN5ZWS5DPOJ4VK43FOIWXGY3FNZQXE2LPFVWWMYJNONSWKZBNNNSXSIJB',
  mfaCode: '492039',
};
// `named`: the carrier says what the value is. A bare six-digit number cannot be told from ordinary content,
// so MFA codes are only fed through named carriers.
const CARRIERS: Array<[string, (secret: string) => [string, Record<string, unknown>?], { named: boolean }?]> = [
  ['bare in the message', (secret) => [`STS said ${secret} was wrong`], { named: false }],
  ['an ini line in the message', (secret) => [`wrote aws_secret_access_key = ${secret}`]],
  ['an env export line', (secret) => [`export AWS_SESSION_TOKEN='x' token=${secret}`]],
  ['an otpauth URI', (secret) => [`scanned otpauth://totp/MyRepositoryUser@111111111111?secret=${secret}&issuer=AWS`]],
  ['a JSON body', (secret) => [`request {"TokenCode":"${secret}","SerialNumber":"arn:aws:iam::1:mfa/u"}`]],
  [
    'a secret-named field',
    (secret) => ['renewing', { code: secret, sessionToken: secret, nested: { secretAccessKey: secret } }],
  ],
  ['a free-text field', (secret) => ['renewing', { detail: `the key was ${secret}` }], { named: false }],
  ['an error object', (secret) => ['failed', { error: new Error(`boom secret=${secret}`) }]],
  ['an array', (secret) => ['list', { values: [`x ${secret}`] }], { named: false }],
];

let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

describe('the file logger', () => {
  it('keeps every kind of secret out of the log, whatever the call and carrier', () => {
    folder = mkdtempSync(join(tmpdir(), 'mfa-tray-log-'));
    const logger = createFileLogger({ folder });
    const levels: LogLevel[] = ['debug', 'info', 'warn', 'error'];
    let lines = 0;
    for (const level of levels) {
      for (const [, carry, how] of CARRIERS) {
        for (const [name, secret] of Object.entries(SECRETS)) {
          if (name === 'mfaCode' && how?.named === false) continue;
          const [message, fields] = carry(secret);
          logger[level](message, fields);
          lines++;
        }
      }
    }
    const text = readFileSync(logger.path, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(lines);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('leaves ordinary operational text readable', () => {
    const text =
      'Renewed MyRepositoryAssumer (arn:aws:iam::111111111111:mfa/MyRepositoryUser) until 2025-03-01T12:00:00Z with key AKIAIOSFODNN7EXAMPLE';
    expect(redactText(text)).toBe(text);
  });

  it('rotates by size and keeps the configured number of old files', () => {
    folder = mkdtempSync(join(tmpdir(), 'mfa-tray-log-'));
    const logger = createFileLogger({ folder, maxBytes: 300, keep: 2 });
    for (let index = 0; index < 40; index++) logger.info(`line ${index}`);
    expect(readdirSync(folder).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    expect(readFileSync(logger.path, 'utf8')).toContain('line 39');
    for (const file of readdirSync(folder)) expect(readFileSync(join(folder, file)).length).toBeLessThanOrEqual(300);
  });
});
