import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleCacheKey } from './role-cache-key';
import { botocoreAvailable, botocoreRoleCacheKeys } from '../../../testing/botocore';

const ROLE = 'arn:aws:iam::222222222222:role/Contributor';
const PROFILES: Record<string, Record<string, string>> = {
  plain: { role_arn: ROLE, source_profile: 'base' },
  named: { role_arn: ROLE, source_profile: 'base', role_session_name: 'me@example' },
  external: { role_arn: ROLE, source_profile: 'base', external_id: 'ext-ü-"quoted"\\' },
  mfa: { role_arn: ROLE, source_profile: 'base', mfa_serial: 'arn:aws:iam::111111111111:mfa/u' },
  duration: { role_arn: ROLE, source_profile: 'base', duration_seconds: ' 3600 ' },
  groupedDuration: { role_arn: ROLE, source_profile: 'base', duration_seconds: '3_600' },
  badDuration: { role_arn: ROLE, source_profile: 'base', duration_seconds: 'one hour' },
  chained: { role_arn: 'arn:aws:iam::333333333333:role/path/Deep', source_profile: 'mfa', duration_seconds: '+900' },
  unicodeName: { role_arn: ROLE, source_profile: 'base', role_session_name: 'Zoë\u007f' },
};

describe('roleCacheKey', () => {
  it.skipIf(!botocoreAvailable)(
    'gives the file name botocore uses in ~/.aws/cli/cache for every AssumeRole argument',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'role-cache-key-'));
      const config = join(dir, 'config');
      const sections = Object.entries(PROFILES).map(
        ([name, settings]) =>
          `[profile ${name}]\n${Object.entries(settings)
            .map(([k, v]) => `${k} = ${v}`)
            .join('\n')}\n`,
      );
      writeFileSync(
        config,
        `${sections.join('\n')}\n[profile base]\naws_access_key_id = AKIA\naws_secret_access_key = s\n`,
      );
      const expected = botocoreRoleCacheKeys(Object.keys(PROFILES), {
        AWS_CONFIG_FILE: config,
        AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      });
      const ours = Object.fromEntries(
        Object.entries(PROFILES).map(([name, settings]) => [name, roleCacheKey(settings)]),
      );
      expect(Object.values(ours).every((key) => typeof key === 'string')).toBe(true);
      expect(ours).toEqual(expected);
    },
  );

  it('is undefined for a profile without role_arn', () => {
    expect(roleCacheKey({ region: 'eu-west-1' })).toBeUndefined();
  });
});
