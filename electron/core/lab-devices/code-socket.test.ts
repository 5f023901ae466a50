import { chmod, mkdtemp, stat } from 'node:fs/promises';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateTotp } from '../totp';
import { labSocketPath, requestLabSocket, startLabSocketServer, type LabSocketServer } from './code-socket';
import { createLabDeviceService } from './lab-device-service';
import { labSocketHandler } from './socket-handler';
import { secretForms } from '../../../testing/lab-devices/secret-scan';
import { testCipher } from '../../../testing/lab-devices/test-cipher';

const SERIAL = 'arn:aws:iam::111111111111:mfa/lab';
const SECRET = 'JV4VEZLQN5ZWS5DPOJ4VK43FOIWXGY3FNZQXE2LPFVWWMYJNONSWKZBNNNSXSIJB';
const servers: LabSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function served(nowMs = Date.now()) {
  const stateDir = await mkdtemp(join(tmpdir(), 'mfa-lab-socket-'));
  const service = createLabDeviceService({
    stateDir,
    locations: { config: join(stateDir, 'c'), credentials: join(stateDir, 'k'), cliCacheDir: stateDir },
    env: {},
    clock: { now: () => nowMs },
    cipher: testCipher(),
  });
  await service.importDevice({ serial: SERIAL, input: { format: 'base32', text: SECRET }, acceptWeakStore: false });
  const server = await startLabSocketServer(stateDir, labSocketHandler(service));
  servers.push(server);
  return { stateDir, server };
}

function raw(path: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.write(line);
  });
}

describe('lab device socket', () => {
  it('answers the current code (and seconds left) for a device, from a socket only its owner may open', async () => {
    const now = 1_700_000_020_000; // 10 s into a window
    const { stateDir, server } = await served(now);
    expect(server.path).toBe(labSocketPath(stateDir));
    expect((await stat(server.path)).mode & 0o777).toBe(0o600);
    expect(await requestLabSocket(stateDir, { op: 'code', serial: SERIAL })).toEqual({
      ok: true,
      message: `Code for ${SERIAL}.`,
      currentCode: generateTotp(SECRET, now),
      secondsLeft: 20,
    });
    expect(await requestLabSocket(stateDir, { op: 'code', serial: `${SERIAL}x` })).toMatchObject({
      ok: false,
      kind: 'not-found',
    });
  });

  it('never sends the secret back, whatever is asked, and rejects requests it does not know', async () => {
    const { stateDir, server } = await served();
    const answers = [
      await raw(server.path, `${JSON.stringify({ op: 'code', serial: SERIAL })}\n`),
      await raw(server.path, `${JSON.stringify({ op: 'list' })}\n`),
      await raw(server.path, `${JSON.stringify({ op: 'secret', serial: SERIAL })}\n`),
      await raw(
        server.path,
        `${JSON.stringify({ op: 'import', serial: SERIAL, input: { format: 'base32', text: SECRET }, acceptWeakStore: false })}\n`,
      ),
      await raw(server.path, 'not json\n'),
    ];
    for (const answer of answers) for (const form of secretForms(SECRET)) expect(answer).not.toContain(form);
    expect(JSON.parse(answers[2]!)).toEqual({ ok: false, message: 'MFA Tray did not understand the request.' });
    expect(JSON.parse(answers[1]!).devices).toEqual([
      expect.objectContaining({ serial: SERIAL, state: 'ready', note: expect.stringMatching(/^Lab accounts only/) }),
    ]);
    expect(await requestLabSocket(stateDir, { op: 'remove', serial: SERIAL })).toMatchObject({
      ok: true,
      kind: 'removed',
    });
  });

  it('refuses to start a second server on the same state folder, and replaces a stale socket file', async () => {
    const { stateDir, server } = await served();
    await expect(startLabSocketServer(stateDir, async () => ({ ok: true, message: '' }))).rejects.toThrow(
      /Another MFA Tray already serves/,
    );
    await server.close();
    servers.splice(0);
    const again = await startLabSocketServer(stateDir, async () => ({ ok: true, message: 'second' }));
    servers.push(again);
    expect(await requestLabSocket(stateDir, { op: 'list' })).toEqual({ ok: true, message: 'second' });
  });

  it('tells the CLI when nothing serves the socket', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'mfa-lab-socket-'));
    await expect(requestLabSocket(stateDir, { op: 'list' })).rejects.toThrow(/MFA Tray is not running/);
  });

  it('tightens an existing 0755 state folder and serves from a private 0700 subfolder', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'mfa-lab-socket-'));
    await chmod(stateDir, 0o755);
    const server = await startLabSocketServer(stateDir, async () => ({ ok: true, message: '' }));
    servers.push(server);
    expect((await stat(stateDir)).mode & 0o777).toBe(0o700);
    expect(dirname(server.path)).not.toBe(stateDir);
    expect((await stat(dirname(server.path))).mode & 0o777).toBe(0o700);
    expect((await stat(server.path)).mode & 0o777).toBe(0o600);
  });

  it('drops a client that stays idle, and closes connections beyond the cap at once', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'mfa-lab-socket-'));
    const server = await startLabSocketServer(stateDir, async () => ({ ok: true, message: 'hi' }), process.platform, {
      idleTimeoutMs: 200,
      maxConnections: 2,
    });
    servers.push(server);
    const closedAfter = (socket: Socket) => {
      const started = Date.now();
      return new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
    };
    const idle = [createConnection(server.path), createConnection(server.path)];
    await Promise.all(idle.map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
    const idleClosed = idle.map(closedAfter);
    // The third is over the cap: closed before the idle ones time out.
    const extra = createConnection(server.path);
    extra.on('error', () => undefined);
    expect(await closedAfter(extra)).toBeLessThan(150);
    for (const ms of await Promise.all(idleClosed)) expect(ms).toBeGreaterThanOrEqual(150);
    // Once they are gone, a real request is served again.
    expect(await requestLabSocket(stateDir, { op: 'list' })).toEqual({ ok: true, message: 'hi' });
  });

  it("never replaces an existing device's secret over the socket: that needs the app's device screen", async () => {
    const { stateDir } = await served(1_700_000_020_000);
    const OTHER = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(
      await requestLabSocket(stateDir, {
        op: 'import',
        serial: SERIAL,
        input: { format: 'base32', text: OTHER },
        acceptWeakStore: false,
      }),
    ).toMatchObject({ ok: false, kind: 'device-exists', message: expect.stringMatching(/device screen/) });
    expect(await requestLabSocket(stateDir, { op: 'code', serial: SERIAL })).toMatchObject({
      currentCode: generateTotp(SECRET, 1_700_000_020_000),
    });
  });
});
