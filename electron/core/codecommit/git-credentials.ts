// CodeCommit's git credentials for HTTPS: what `aws codecommit credential-helper` answers git with, computed here
// so a git operation needs no Python AWS CLI. The username is the access key id (with `%` and the session token
// for temporary keys); the password is the time plus a SigV4 signature of the pseudo-request
// `GIT <repository path>` for the host, with the service name `codecommit` (awscli/customizations/codecommit.py).
import { createHash } from 'node:crypto';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsKeys } from '../sts';

export interface GitCredentialRequest {
  /** git's `host` (may carry a port, which is not signed). */
  host: string;
  /** git's `path` (with credential.useHttpPath), e.g. `v1/repos/myRepository`. */
  path: string;
  region: string;
  keys: AwsKeys;
  at: Date;
}

export interface GitCredentials {
  username: string;
  password: string;
}

/** CodeCommit's git hosts: git-codecommit[-fips].REGION.amazonaws.com, also behind a VPC endpoint. */
const CODECOMMIT_HOST = /^(vpce-.+\.)?git-codecommit(-fips)?\.([^.]+)\.(vpce\.)?amazonaws\.com$/;

/** The region a CodeCommit git host names, or undefined when the host is not CodeCommit's. */
export function codeCommitRegion(host: string): string | undefined {
  return CODECOMMIT_HOST.exec(host.split(':')[0] ?? '')?.[3];
}

/** `20261202T034500`: the basic ISO-8601 form SigV4 and CodeCommit's password use. */
function amzTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

export async function codeCommitGitCredentials(request: GitCredentialRequest): Promise<GitCredentials> {
  const { keys, region, at } = request;
  const timestamp = amzTimestamp(at);
  const hostname = request.host.split(':')[0] ?? request.host;
  const path = `/${request.path.replace(/^\/+/, '')}`;
  const canonicalRequest = `GIT\n${path}\n\nhost:${hostname}\n\nhost\n`;
  const scope = `${timestamp.slice(0, 8)}/${region}/codecommit/aws4_request`;
  const stringToSign = `AWS4-HMAC-SHA256\n${timestamp}\n${scope}\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  const signer = new SignatureV4({
    credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey },
    region,
    service: 'codecommit',
    sha256: Sha256,
  });
  // The SDK's signer derives the scoped key and HMACs a ready string to sign; the canonical form is CodeCommit's own.
  const signature = await signer.sign(stringToSign, {
    signingDate: at,
    signingRegion: region,
    signingService: 'codecommit',
  });
  const username = keys.sessionToken === undefined ? keys.accessKeyId : `${keys.accessKeyId}%${keys.sessionToken}`;
  return { username, password: `${timestamp}Z${signature}` };
}
