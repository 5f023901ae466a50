import { describe, expect, it } from 'vitest';
import { RenewOutcomeKindSchema, type RenewResult } from '../../../electron/shared/contract';
import { adviceFor } from './advice';

const context = { source: 'FetchMfaCredentials', device: 'arn:aws:iam::111111111111:mfa/MyRepositoryUser' };
const result = (kind: RenewResult['kind'], extra: Partial<RenewResult> = {}): RenewResult => ({
  ok: false,
  kind,
  message: 'm',
  target: 'MyRepositoryAssumer',
  ...extra,
});

describe('adviceFor', () => {
  it('has a title for every outcome kind of the contract', () => {
    for (const kind of RenewOutcomeKindSchema.options) expect(adviceFor(result(kind), context).title).not.toBe('');
  });
  it('clears the field after a wrong or used code, so the next code starts fresh', () => {
    expect(adviceFor(result('wrong-code'), context)).toMatchObject({ clearCode: true, next: 'new-code' });
    expect(adviceFor(result('code-already-used', { retryAfterSeconds: 12 }), context)).toMatchObject({
      clearCode: true,
      next: 'wait-for-window',
    });
  });
  it('asks for the next code after a network failure (the lost request may have used it) and names the profile to fix for key problems', () => {
    expect(adviceFor(result('network'), context)).toMatchObject({ clearCode: true, next: 'new-code' });
    expect(adviceFor(result('invalid-key'), context).advice).toContain('FetchMfaCredentials');
    expect(adviceFor(result('wrong-secret'), context).next).toBe('fix-files');
  });
  it('states the clock offset and its direction', () => {
    expect(adviceFor(result('clock-skew', { clockOffsetSeconds: 1200 }), context).advice).toContain('20 min ahead of');
    expect(adviceFor(result('clock-skew', { clockOffsetSeconds: -45 }), context).advice).toContain('45 s behind');
  });
});
