import { mkdtemp } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as timers from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { AppNotRunningError, localSocketPath, startLocalSocketServer, type LocalSocketServer } from '../app-state';
import { askAppToRenew } from './client';
import {
  PROMPT_SOCKET,
  PROMPT_SOCKET_LIMITS,
  PromptRequestSchema,
  type PromptAnswer,
  type PromptProgress,
  type PromptRequest,
} from './protocol';

const servers: LocalSocketServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

type Handler = (request: PromptRequest, progress: (p: PromptProgress) => void) => Promise<PromptAnswer>;

async function serve(handle: Handler, limits = PROMPT_SOCKET_LIMITS) {
  const stateDir = await mkdtemp(join(tmpdir(), 'mfa-prompt-socket-'));
  const server = await startLocalSocketServer<PromptRequest, PromptAnswer, PromptProgress>(stateDir, {
    spec: PROMPT_SOCKET,
    schema: PromptRequestSchema,
    limits,
    handle: (request, connection) => handle(request, (p) => connection.progress(p)),
    refusal: (message) => ({ kind: 'refused', message }),
  });
  servers.push(server);
  return { stateDir, server };
}

function raw(path: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
    socket.write(text);
  });
}

const caller = { program: 'git', folder: '~/src/myRepository' };

describe('the prompt socket protocol', () => {
  it('sends who asks and for which session, reports the wait, and reads the answer', async () => {
    const seen: PromptRequest[] = [];
    const { stateDir, server } = await serve(async (request, progress) => {
      seen.push(request);
      progress({ kind: 'waiting', waitSeconds: 120, joined: false });
      return { kind: 'renewed', message: 'valid now' };
    });
    expect(server.path).toBe(localSocketPath(stateDir, PROMPT_SOCKET));
    const waits: PromptProgress[] = [];
    const answer = await askAppToRenew('MyRepositoryAssumer', caller, { stateDir, onWaiting: (p) => waits.push(p) });
    expect(answer).toEqual({ kind: 'renewed', message: 'valid now' });
    expect(waits).toEqual([{ kind: 'waiting', waitSeconds: 120, joined: false }]);
    expect(seen).toEqual([{ op: 'renew', target: 'MyRepositoryAssumer', caller }]);
  });

  it('refuses what it does not understand: another op, a bad profile name, control characters, a huge line', async () => {
    const { server } = await serve(async () => ({ kind: 'renewed', message: 'should not happen' }));
    const refused = { kind: 'refused', message: 'MFA Tray did not understand the request.' };
    for (const request of [
      { op: 'code', target: 'S', caller },
      { op: 'renew', target: 'not a profile!', caller },
      { op: 'renew', target: 'S', caller: { program: 'git\u001b[2J', folder: '~' } },
      { op: 'renew', target: 'S', caller: { program: 'git', folder: '' } },
    ])
      expect(JSON.parse(await raw(server.path, `${JSON.stringify(request)}\n`))).toEqual(refused);
    expect(JSON.parse(await raw(server.path, 'not json\n'))).toEqual(refused);
    expect(JSON.parse(await raw(server.path, `${'x'.repeat(PROMPT_SOCKET_LIMITS.maxRequestBytes + 1)}`))).toEqual({
      kind: 'refused',
      message: 'The request is too large.',
    });
  });

  it('says the app is not running when nothing serves the socket', async () => {
    const stateDir = await mkdtemp(join(tmpdir(), 'mfa-prompt-socket-'));
    await expect(askAppToRenew('S', caller, { stateDir })).rejects.toBeInstanceOf(AppNotRunningError);
  });

  it('tells the handler when the caller goes away, and drops a client that never sends its request', async () => {
    let aborted: Promise<void> | undefined;
    const stateDir = await mkdtemp(join(tmpdir(), 'mfa-prompt-socket-'));
    const server = await startLocalSocketServer<PromptRequest, PromptAnswer, PromptProgress>(stateDir, {
      spec: PROMPT_SOCKET,
      schema: PromptRequestSchema,
      limits: { ...PROMPT_SOCKET_LIMITS, idleTimeoutMs: 200 },
      handle: (_request, connection) => {
        aborted = new Promise((resolve) => connection.signal.addEventListener('abort', () => resolve()));
        return new Promise(() => undefined);
      },
      refusal: (message) => ({ kind: 'refused', message }),
    });
    servers.push(server);
    const client = createConnection(server.path);
    client.write(`${JSON.stringify({ op: 'renew', target: 'S', caller })}\n`);
    await timers.setTimeout(50);
    client.destroy();
    await aborted;
    const idle = createConnection(server.path);
    await new Promise((resolve) => idle.once('close', resolve));
  });

  it('reads an answer that is not one of the protocol as a failure, not as success', async () => {
    const { stateDir } = await serve(async () => ({ kind: 'approved', message: 'x' }) as unknown as PromptAnswer);
    await expect(askAppToRenew('S', caller, { stateDir })).rejects.toThrow(
      'MFA Tray sent an answer that could not be read.',
    );
  });
});
