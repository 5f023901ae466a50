// A throwaway certificate authority and a server certificate for AWS's STS and CodeCommit host names, made with the
// openssl command (node:crypto cannot sign X.509): what the TLS proxy presents, and what AWS_CA_BUNDLE and git's
// http.sslCAInfo trust. Short-lived, in a temp folder, never installed anywhere.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const OPENSSL = '/usr/bin/openssl';

export const opensslAvailable = existsSync(OPENSSL);

export interface TestCertificates {
  /** The CA certificate's file: the value for AWS_CA_BUNDLE and http.sslCAInfo. */
  caFile: string;
  key: string;
  cert: string;
}

/** Names for the global STS endpoint and every regional STS and CodeCommit git host of these regions. */
export function awsHostNames(regions: readonly string[]): string[] {
  return ['sts.amazonaws.com', ...regions.map((region) => `*.${region}.amazonaws.com`)];
}

export async function createTestCertificates(dir: string, names: readonly string[]): Promise<TestCertificates> {
  const file = (name: string) => join(dir, name);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run(OPENSSL, [
    'req',
    '-x509',
    ...ec,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=MFA Tray test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await run(OPENSSL, [
    'req',
    '-new',
    ...ec,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=amazonaws.com',
  ]);
  await writeFile(
    file('server.ext'),
    [
      `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      'authorityKeyIdentifier=keyid',
      'subjectKeyIdentifier=hash',
    ].join('\n'),
  );
  await run(OPENSSL, [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-set_serial',
    '0x' + Date.now().toString(16),
    '-days',
    '2',
    '-out',
    file('server.pem'),
    '-extfile',
    file('server.ext'),
  ]);
  return {
    caFile: file('ca.pem'),
    key: await readFile(file('server.key'), 'utf8'),
    cert: await readFile(file('server.pem'), 'utf8'),
  };
}
