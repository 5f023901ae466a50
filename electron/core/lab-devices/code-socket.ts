// The CLI's way to a lab device's code without reading any secret: the running app serves a local socket
// (a unix socket in a private 0700 subfolder of the state folder, itself tightened to 0700, the socket 0600; a
// named pipe derived from the state folder on Windows). The socket's own mode comes from the umask at listen()
// time, so it is never what keeps others out: the private folder is, and it is private before the socket exists.
// One JSON request line per connection, one JSON answer line. The answers carry codes and metadata, never a
// secret; an import request carries a secret *to* the app, which seals it like the device screen does.
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';

const MAX_REQUEST_BYTES = 1024 * 1024; // a QR PNG fits easily
export interface LabSocketLimits {
  /** A client that sends nothing (or never finishes its line) for this long is dropped. */
  idleTimeoutMs: number;
  /** Connections served at once; more are closed at once (the CLI makes one at a time). */
  maxConnections: number;
}

export const LAB_SOCKET_LIMITS: LabSocketLimits = { idleTimeoutMs: 10_000, maxConnections: 16 };
const SOCKET_FOLDER = 'lab-socket';

export function labSocketPath(stateDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32')
    return `\\\\.\\pipe\\mfa-tray-${createHash('sha256').update(stateDir).digest('hex').slice(0, 16)}`;
  return join(stateDir, SOCKET_FOLDER, 'lab-codes.sock');
}

/**
 * Makes `folder` ours and 0700 (an existing one is tightened; a symlink or someone else's folder is refused),
 * so nobody else can reach what is created inside it, whatever the umask.
 */
async function ensurePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stats = await lstat(folder);
  const uid = process.getuid?.();
  if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid))
    throw new Error(`${folder} is not a folder of this user; MFA Tray will not serve lab device codes there.`);
  if ((stats.mode & 0o077) !== 0) await chmod(folder, 0o700);
}

const serial = z.string().min(1).max(256);
const LabSocketRequestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('code'), serial }),
  z.object({ op: z.literal('list') }),
  z.object({ op: z.literal('remove'), serial }),
  z.object({
    op: z.literal('import'),
    serial,
    input: z.discriminatedUnion('format', [
      z.object({ format: z.literal('otpauth-uri'), text: z.string().max(2048) }),
      z.object({ format: z.literal('base32'), text: z.string().max(512) }),
      z.object({ format: z.literal('qr-png'), base64: z.string().max(MAX_REQUEST_BYTES) }),
    ]),
    label: z.string().max(128).optional(),
    acceptWeakStore: z.boolean(),
  }),
]);
export type LabSocketRequest = z.infer<typeof LabSocketRequestSchema>;

/** Every answer: ok + message, plus the operation's data (a code, a device list). Never a secret. */
export interface LabSocketResponse {
  ok: boolean;
  message: string;
  kind?: string;
  currentCode?: string;
  secondsLeft?: number;
  devices?: Array<{ serial: string; label: string; state: string; note: string; sessions: string[] }>;
  store?: { kind: string; name: string; message: string };
}

export type LabSocketHandler = (request: LabSocketRequest) => Promise<LabSocketResponse>;

export interface LabSocketServer {
  readonly path: string;
  close(): Promise<void>;
}

function answer(socket: Socket, response: LabSocketResponse): void {
  socket.end(`${JSON.stringify(response)}\n`);
}

async function isServed(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createConnection(path);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** Serves `handle` on the state folder's socket. Fails when another MFA Tray already serves it. */
export async function startLabSocketServer(
  stateDir: string,
  handle: LabSocketHandler,
  platform: NodeJS.Platform = process.platform,
  limits: LabSocketLimits = LAB_SOCKET_LIMITS,
): Promise<LabSocketServer> {
  const path = labSocketPath(stateDir, platform);
  if (platform !== 'win32') {
    await ensurePrivateFolder(stateDir);
    await ensurePrivateFolder(join(stateDir, SOCKET_FOLDER));
    if (await isServed(path)) throw new Error(`Another MFA Tray already serves lab device codes at ${path}.`);
    await rm(path, { force: true }); // a socket file left by an app that crashed
  }
  const server: Server = createServer((socket) => {
    let buffered = '';
    let done = false;
    socket.setEncoding('utf8');
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      if (done) return;
      buffered += chunk;
      if (buffered.length > MAX_REQUEST_BYTES) {
        done = true;
        answer(socket, { ok: false, message: 'The request is too large.' });
        return;
      }
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      done = true; // one request per connection
      socket.setTimeout(0); // from here on the app is the slow side (a code may wait for the next window)
      let json: unknown;
      try {
        json = JSON.parse(buffered.slice(0, newline));
      } catch {
        json = undefined;
      }
      const parsed = LabSocketRequestSchema.safeParse(json);
      if (!parsed.success) {
        answer(socket, { ok: false, message: 'MFA Tray did not understand the request.' });
        return;
      }
      handle(parsed.data).then(
        (response) => answer(socket, response),
        (error: unknown) =>
          answer(socket, { ok: false, message: error instanceof Error ? error.message : 'The request failed.' }),
      );
    });
  });
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (platform !== 'win32') await chmod(path, 0o600);
  return {
    path,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

export class AppNotRunningError extends Error {
  constructor(path: string) {
    super(
      `MFA Tray is not running (nothing answers at ${path}). Start the MFA Tray app — it holds the lab device's secret — or type the code yourself.`,
    );
    this.name = 'AppNotRunningError';
  }
}

/** Sends one request to the running app. Throws AppNotRunningError when nothing serves the socket. */
export function requestLabSocket(
  stateDir: string,
  request: LabSocketRequest,
  timeoutMs = 65_000,
): Promise<LabSocketResponse> {
  const path = labSocketPath(stateDir);
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let received = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new Error(`MFA Tray did not answer within ${Math.round(timeoutMs / 1000)} s.`));
    });
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && ['ENOENT', 'ECONNREFUSED', 'ENOTSOCK'].includes(error.code ?? ''))
        reject(new AppNotRunningError(path));
      else reject(new Error(`Talking to MFA Tray failed: ${error.message}`));
    });
    socket.once('end', () => {
      try {
        resolve(JSON.parse(received) as LabSocketResponse);
      } catch {
        reject(new Error('MFA Tray sent an answer that could not be read.'));
      }
    });
  });
}
