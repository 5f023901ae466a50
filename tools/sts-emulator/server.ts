import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import { CODECOMMIT_PREFIX, handleCodeCommitGit } from './codecommit-git';
import { systemClock } from '../../electron/core/time/clock';
import { errorMessage } from '../../electron/shared/error-message';
import type { EmulatorControls, EmulatorOptions, StsEmulator } from './emulator-types';
import { FaultQueue } from './faults';
import { Router } from './router';
import { loadSeedFile, parseSeed } from './seed-schema';
import { SessionIssuer } from './session-tokens';
import { EmulatorState } from './state';

const MAX_BODY_BYTES = 1024 * 1024;

export async function startEmulator(options: EmulatorOptions): Promise<StsEmulator> {
  const seed = typeof options.seed === 'string' ? await loadSeedFile(options.seed) : parseSeed(options.seed);
  const clock = options.clock ?? systemClock;
  let offsetMs = 0;
  const now = (): number => clock.now() + offsetMs;
  const state = new EmulatorState(seed, now());
  const faults = new FaultQueue();
  const calls = new Map<string, number>();
  const issuer = new SessionIssuer();
  const router = new Router({ state, issuer, faults, calls, clock: { now } });

  const emulator: EmulatorControls = {
    state,
    faults,
    calls,
    get clockOffsetMs() {
      return offsetMs;
    },
    callCount: (action) => calls.get(action) ?? 0,
    injectFault: (fault) => faults.add(fault),
    setClockOffset: (ms) => {
      offsetMs = ms;
    },
    now,
  };

  const server = createServer((req, res) => {
    if (options.git && (req.url ?? '').startsWith(CODECOMMIT_PREFIX)) {
      // Git streams packs of any size: this path bypasses the 1 MiB body limit of the STS routes.
      const count = (action: string) => calls.set(action, (calls.get(action) ?? 0) + 1);
      handleCodeCommitGit(req, res, { ...options.git, state, issuer, now, count });
      return;
    }
    readBody(req)
      .then(async (body) => {
        const url = req.url ?? '/';
        if (url.startsWith(ADMIN_PREFIX)) {
          const reply = handleAdmin(emulator, req.method ?? 'GET', url.split('?')[0]!, body.toString('utf8'));
          res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
          return;
        }
        const outcome = await router.route({ method: req.method ?? 'GET', url, rawHeaders: req.rawHeaders, body });
        if (outcome.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        const { status, headers, body: xml } = outcome.response;
        res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(xml) }).end(xml);
      })
      .catch((error: unknown) => {
        // A bug in the emulator, not an AWS answer: say so plainly (no request data is echoed).
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`sts-emulator internal error: ${errorMessage(error)}\n`);
      });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;

  return Object.assign(emulator, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  }) as StsEmulator;
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the emulator hands out credentials to anyone who asks with the seed's keys.
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body larger than 1 MiB'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
