// The TLS proxy lets clients that cannot be given an endpoint reach the emulator as if it were AWS: the real AWS
// CLI, told only HTTPS_PROXY and AWS_CA_BUNDLE, calls sts.REGION.amazonaws.com and the emulator answers; a host
// that is not AWS's STS or CodeCommit is refused at CONNECT.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, startTlsProxy, type StsEmulator, type TlsProxy } from './index';
import { scenario, scenarioSeed } from '../../testing/scenario/scenario';
import { awsHostNames, createTestCertificates, opensslAvailable } from '../../testing/tls/test-certificates';

const run = promisify(execFile);
const awsCli = existsSync('/usr/bin/aws');
let dir: string;
let emulator: StsEmulator;
let proxy: TlsProxy;
let caFile: string;

beforeAll(async () => {
  if (!opensslAvailable) return;
  dir = await mkdtemp(join(tmpdir(), 'tls-proxy-'));
  const certificates = await createTestCertificates(dir, awsHostNames([scenario.region]));
  caFile = certificates.caFile;
  emulator = await startEmulator({ seed: scenarioSeed });
  proxy = await startTlsProxy({ upstream: emulator.url, key: certificates.key, cert: certificates.cert });
});
afterAll(async () => {
  await proxy?.close();
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!opensslAvailable)('the TLS proxy in front of the emulator (needs /usr/bin/openssl)', () => {
  it.skipIf(!awsCli)("serves the real AWS CLI's regional STS call, trusted through AWS_CA_BUNDLE only", async () => {
    const { stdout } = await run(
      '/usr/bin/aws',
      ['sts', 'get-caller-identity', '--region', scenario.region, '--output', 'json'],
      {
        env: {
          PATH: '/usr/bin:/bin',
          HOME: dir,
          AWS_CONFIG_FILE: join(dir, 'none'),
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
          AWS_ACCESS_KEY_ID: scenario.activeKey.id,
          AWS_SECRET_ACCESS_KEY: scenario.activeKey.secret,
          AWS_STS_REGIONAL_ENDPOINTS: 'regional',
          HTTPS_PROXY: proxy.url,
          AWS_CA_BUNDLE: caFile,
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ Arn: scenario.userArn });
    expect(proxy.connects).toContain(`sts.${scenario.region}.amazonaws.com:443`);
    expect(emulator.callCount('GetCallerIdentity')).toBe(1);
  });

  it('refuses a tunnel to any other host, and plain proxy requests', async () => {
    const status = (method: string, path: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(proxy.url);
        const req = request({ host: url.hostname, port: url.port, method, path });
        req.on('connect', (answer, socket) => {
          socket.destroy();
          resolve(answer.statusCode ?? 0);
        });
        req.on('response', (answer) => {
          answer.resume();
          resolve(answer.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await status('CONNECT', 'example.com:443')).toBe(403);
    expect(await status('CONNECT', 'sts.eu-west-1.amazonaws.com:80')).toBe(403);
    expect(await status('GET', 'http://sts.amazonaws.com/')).toBe(405);
  });
});
