import { describe, expect, it } from 'vitest';
import { REDACTED, redactSettings } from './secrets';

describe('redactSettings', () => {
  it('replaces every secret value, in any sub-section and whatever the case of a nested key, and keeps the rest', () => {
    const settings = {
      aws_access_key_id: 'AKIAEXAMPLE',
      aws_secret_access_key: 'secret/EXAMPLE',
      aws_session_token: 'token/EXAMPLE',
      aws_security_token: 'legacy/EXAMPLE',
      region: 'eu-west-1',
      nested: { AWS_Secret_Access_Key: 'nested-secret/EXAMPLE', max_attempts: '3' },
    };
    const redacted = redactSettings(settings);
    expect(redacted).toEqual({
      aws_access_key_id: 'AKIAEXAMPLE',
      aws_secret_access_key: REDACTED,
      aws_session_token: REDACTED,
      aws_security_token: REDACTED,
      region: 'eu-west-1',
      nested: { AWS_Secret_Access_Key: REDACTED, max_attempts: '3' },
    });
    expect(settings.aws_secret_access_key).toBe('secret/EXAMPLE'); // the model's own settings stay intact
  });
});
