// Our CodeCommit git signature against the AWS CLI's own (awscli/customizations/codecommit.py), run by Python.
import { describe, expect, it } from 'vitest';
import { botocoreAvailable, runBotocore } from '../../../testing/botocore';
import { codeCommitGitCredentials, codeCommitRegion } from './git-credentials';

// The AWS CLI's helper with its clock fixed and the keys given, exactly as `credential-helper get` signs.
const AWS_CLI_SIGNATURE = `
import datetime, json, sys
from awscli.customizations import codecommit
from botocore.credentials import Credentials
access, secret, token, host, path, region, stamp = sys.argv[1:8]
class FixedClock(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return datetime.datetime.strptime(stamp, '%Y%m%dT%H%M%S')
codecommit.datetime.datetime = FixedClock
class Session:
    def get_credentials(self):
        return Credentials(access, secret, token or None)
command = codecommit.CodeCommitGetCommand(Session())
print(json.dumps(command.sign_request(region, command.extract_url({'protocol': 'https', 'host': host, 'path': path}))))
`;

const KEYS = {
  accessKeyId: 'ASIAEXAMPLEKEY123456',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLEtoken+/=',
};
const AT = new Date('2026-12-02T03:45:07Z');

describe('CodeCommit git credentials', () => {
  it.runIf(botocoreAvailable)('sign exactly as the AWS CLI helper does, port left out of the signed host', async () => {
    for (const [host, region] of [
      ['git-codecommit.eu-west-1.amazonaws.com', 'eu-west-1'],
      ['127.0.0.1:8443', 'eu-west-1'],
      ['git-codecommit-fips.us-east-2.amazonaws.com', 'us-east-2'],
    ] as const) {
      const ours = await codeCommitGitCredentials({ host, path: 'v1/repos/myRepository', region, keys: KEYS, at: AT });
      const theirs = runBotocore(AWS_CLI_SIGNATURE, [
        KEYS.accessKeyId,
        KEYS.secretAccessKey,
        KEYS.sessionToken,
        host,
        'v1/repos/myRepository',
        region,
        '20261202T034507',
      ]);
      expect(ours.password).toBe(theirs);
      expect(ours.password).toMatch(/^20261202T034507Z[0-9a-f]{64}$/);
    }
  });

  it('put the session token in the username for temporary keys, and only the key id for long-term ones', async () => {
    const temporary = await codeCommitGitCredentials({
      host: 'h',
      path: 'v1/repos/r',
      region: 'eu-west-1',
      keys: KEYS,
      at: AT,
    });
    expect(temporary.username).toBe(`${KEYS.accessKeyId}%${KEYS.sessionToken}`);
    const longTerm = await codeCommitGitCredentials({
      host: 'h',
      path: 'v1/repos/r',
      region: 'eu-west-1',
      keys: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 's' },
      at: AT,
    });
    expect(longTerm.username).toBe('AKIAEXAMPLE');
  });

  it('read the region from CodeCommit hosts only', () => {
    expect(codeCommitRegion('git-codecommit.eu-west-1.amazonaws.com')).toBe('eu-west-1');
    expect(codeCommitRegion('vpce-0123-abc.git-codecommit.us-east-1.vpce.amazonaws.com')).toBe('us-east-1');
    expect(codeCommitRegion('git-codecommit.eu-west-1.amazonaws.com:443')).toBe('eu-west-1');
    expect(codeCommitRegion('github.com')).toBeUndefined();
    expect(codeCommitRegion('git-codecommit.eu-west-1.amazonaws.com.evil.example')).toBeUndefined();
  });
});
