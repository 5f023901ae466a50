import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roleCacheKey } from './role-cache-key';
import { botocoreAvailable, runBotocore } from '../../../testing/botocore';

// Records the cache key of the last AssumeRoleCredentialFetcher botocore builds for each profile (the
// outermost role of a chain is built last).
const CAPTURE_KEYS = `
import json, sys
import botocore.credentials as credentials, botocore.session
keys = {}
original = credentials.AssumeRoleCredentialFetcher.__init__
def capture(self, *args, **kwargs):
    original(self, *args, **kwargs)
    capture.last = self._create_cache_key()
credentials.AssumeRoleCredentialFetcher.__init__ = capture
for name in sys.argv[1:]:
    capture.last = None
    session = botocore.session.Session(profile=name)
    session.get_component('credential_provider').get_provider('assume-role').load()
    keys[name] = capture.last
print(json.dumps(keys))
`;

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
      const expected = runBotocore(CAPTURE_KEYS, Object.keys(PROFILES), {
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
