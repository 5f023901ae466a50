// The running app's local sockets, private to the user: a unix socket in a private 0700 subfolder of the state
// folder (itself tightened to 0700, the socket 0600), a named pipe derived from the state folder on Windows. The
// socket's own mode comes from the umask at listen() time, so it is never what keeps others out: the private
// folder is, and it is private before the socket exists. One JSON request line per connection, checked against
// a schema; the answer is zero or more progress lines (`{"progress": …}`) and one final line, after which the
// server ends the connection. Every connection is bounded: request size, idle time before the request, connections at once.
import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type * as z from 'zod';

export interface LocalSocketLimits {
  /** A client that sends nothing (or never finishes its line) for this long is dropped. */
  idleTimeoutMs: number;
  /** Connections served at once; more are closed at once. */
  maxConnections: number;
  /** A request line longer than this is refused. */
  maxRequestBytes: number;
}

/** Which socket: its private folder and file under the state folder, or its pipe's prefix on Windows. */
export interface LocalSocketSpec {
  folder: string;
  file: string;
  pipePrefix: string;
  /** What it serves, for error messages ("lab device codes"). */
  serves: string;
}

export function localSocketPath(
  stateDir: string,
  spec: LocalSocketSpec,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return `\\\\.\\pipe\\${spec.pipePrefix}-${createHash('sha256').update(stateDir).digest('hex').slice(0, 16)}`;
  return join(stateDir, spec.folder, spec.file);
}

/**
 * Makes `folder` ours and 0700 (an existing one is tightened; a symlink or someone else's folder is refused),
 * so nobody else can reach what is created inside it, whatever the umask.
 */
async function ensurePrivateFolder(folder: string, serves: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const stats = await lstat(folder);
  const uid = process.getuid?.();
  if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid))
    throw new Error(`${folder} is not a folder of this user; MFA Tray will not serve ${serves} there.`);
  if ((stats.mode & 0o077) !== 0) await chmod(folder, 0o700);
}

/** What a handler gets besides the request: progress lines before its answer, and the client going away. */
export interface LocalSocketConnection<Progress> {
  progress(message: Progress): void;
  /** Aborted when the client closes the connection before the answer. */
  readonly signal: AbortSignal;
}

export interface LocalSocketServerOptions<Request, Response, Progress> {
  spec: LocalSocketSpec;
  schema: z.ZodType<Request>;
  handle: (request: Request, connection: LocalSocketConnection<Progress>) => Promise<Response>;
  /** The final answer for a request that is refused (too large, not understood) or whose handler threw. */
  refusal: (message: string) => Response;
  limits: LocalSocketLimits;
  platform?: NodeJS.Platform;
}

export interface LocalSocketServer {
  readonly path: string;
  close(): Promise<void>;
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

/** A progress line is `{"progress": ...}`; any other line is the final answer (so answers never hold `progress`). */
function writeProgress(socket: Socket, message: unknown): void {
  if (!socket.destroyed) socket.write(`${JSON.stringify({ progress: message })}\n`);
}

/** Serves `handle` on the state folder's socket. Fails when another MFA Tray already serves it. */
export async function startLocalSocketServer<Request, Response, Progress = never>(
  stateDir: string,
  options: LocalSocketServerOptions<Request, Response, Progress>,
): Promise<LocalSocketServer> {
  const { spec, schema, handle, refusal, limits } = options;
  const platform = options.platform ?? process.platform;
  const path = localSocketPath(stateDir, spec, platform);
  if (platform !== 'win32') {
    await ensurePrivateFolder(stateDir, spec.serves);
    await ensurePrivateFolder(join(stateDir, spec.folder), spec.serves);
    if (await isServed(path)) throw new Error(`Another MFA Tray already serves ${spec.serves} at ${path}.`);
    await rm(path, { force: true }); // a socket file left by an app that crashed
  }
  const server: Server = createServer((socket) => {
    let buffered = '';
    let done = false;
    const gone = new AbortController();
    const finish = (response: Response) => {
      if (!socket.destroyed) socket.end(`${JSON.stringify(response)}\n`);
    };
    socket.setEncoding('utf8');
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => gone.abort());
    socket.on('data', (chunk: string) => {
      if (done) return;
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (Buffer.byteLength(newline === -1 ? buffered : buffered.slice(0, newline)) > limits.maxRequestBytes) {
        done = true;
        finish(refusal('The request is too large.'));
        return;
      }
      if (newline === -1) return;
      done = true; // one request per connection
      socket.setTimeout(0); // from here on the app is the slow side; each handler bounds its own wait
      let json: unknown;
      try {
        json = JSON.parse(buffered.slice(0, newline));
      } catch {
        json = undefined;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        finish(refusal('MFA Tray did not understand the request.'));
        return;
      }
      handle(parsed.data, { progress: (message) => writeProgress(socket, message), signal: gone.signal }).then(
        finish,
        (error: unknown) => finish(refusal(error instanceof Error ? error.message : 'The request failed.')),
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
  constructor(path: string, advice: string) {
    super(`MFA Tray is not running (nothing answers at ${path}). ${advice}`);
    this.name = 'AppNotRunningError';
  }
}

export interface LocalSocketRequestOptions {
  /** Said in AppNotRunningError after "MFA Tray is not running": what to do instead. */
  notRunningAdvice: string;
  /** Gives up when the app sends nothing for this long (a progress line may change it: `setIdleTimeout`). */
  idleTimeoutMs: number;
  onProgress?: (message: unknown, control: { setIdleTimeout(ms: number): void }) => void;
}

function isProgressLine(value: unknown): value is { progress: unknown } {
  return typeof value === 'object' && value !== null && 'progress' in value;
}

/**
 * Sends one request to the running app and resolves to its final answer (parsed, unchecked: the caller's schema
 * checks it). Throws AppNotRunningError when nothing serves the socket.
 */
export function requestLocalSocket(
  path: string,
  request: unknown,
  options: LocalSocketRequestOptions,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let received = '';
    let connected = false;
    let settled = false;
    let idleMs = options.idleTimeoutMs;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const control = {
      setIdleTimeout(ms: number) {
        idleMs = ms;
        socket.setTimeout(ms);
      },
    };
    socket.setEncoding('utf8');
    socket.setTimeout(idleMs, () => {
      socket.destroy();
      settle(() => reject(new Error(`MFA Tray did not answer within ${Math.round(idleMs / 1000)} s.`)));
    });
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      received += chunk;
      for (let newline = received.indexOf('\n'); newline !== -1; newline = received.indexOf('\n')) {
        const line = received.slice(0, newline);
        received = received.slice(newline + 1);
        let message: unknown;
        try {
          message = JSON.parse(line);
        } catch {
          socket.destroy();
          settle(() => reject(new Error('MFA Tray sent an answer that could not be read.')));
          return;
        }
        if (!isProgressLine(message)) {
          socket.destroy();
          settle(() => resolve(message));
          return;
        }
        options.onProgress?.(message.progress, control);
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      if (!connected && ['ENOENT', 'ECONNREFUSED', 'ENOTSOCK'].includes(error.code ?? ''))
        settle(() => reject(new AppNotRunningError(path, options.notRunningAdvice)));
      else settle(() => reject(new Error(`Talking to MFA Tray failed: ${error.message}`)));
    });
    socket.once('close', () => settle(() => reject(new Error('MFA Tray closed the connection without an answer.'))));
  });
}
