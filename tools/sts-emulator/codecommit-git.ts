// CodeCommit's git smart-HTTP endpoint, for tests and the demo: `/v1/repos/NAME/...` is served by Debian's
// `git http-backend` (CGI) once the Basic credentials pass CodeCommit's check — username `AKID` or `AKID%TOKEN`,
// password `YYYYMMDDTHHMMSSZ` + SigV4 of `GIT /v1/repos/NAME` for the host (no port) with the service `codecommit`.
// A bad signature, a stale time, an unknown or expired key answer 403, as CodeCommit does; no credentials, 401.
// The signature is checked here with the emulator's own HMAC code, never with the product's signer.
import { spawn } from 'node:child_process';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SessionIssuer } from './session-tokens';
import type { EmulatorState } from './state';

export const CODECOMMIT_PREFIX = '/v1/repos/';

export interface CodeCommitGitOptions {
  /** Folder of bare repositories: NAME is served from `<root>/NAME`. */
  root: string;
  /** The region signatures must be scoped to (CodeCommit's host names it; on 127.0.0.1 nothing does). */
  region: string;
}

interface GitDeps extends CodeCommitGitOptions {
  state: EmulatorState;
  issuer: SessionIssuer;
  now(): number;
  /** Counts what the endpoint answered: 'GitPull'/'GitPush' on success, 'GitChallenge' on 401, 'GitDenied' on 403. */
  count(action: string): void;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const REPOSITORY = /^[\w.-]{1,100}$/;

export function handleCodeCommitGit(req: IncomingMessage, res: ServerResponse, deps: GitDeps): void {
  const url = new URL(req.url ?? '/', 'http://codecommit');
  const [name, ...rest] = url.pathname.slice(CODECOMMIT_PREFIX.length).split('/');
  if (name === undefined || !REPOSITORY.test(name)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Repository not found\n');
    return;
  }
  const denial = checkCredentials(req, `${CODECOMMIT_PREFIX}${name}`, deps);
  if (denial) {
    deps.count(denial.status === 401 ? 'GitChallenge' : 'GitDenied');
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (denial.status === 401) headers['www-authenticate'] = 'Basic realm="CodeCommit"';
    res.writeHead(denial.status, headers).end(`${denial.message}\n`);
    return;
  }
  const service = url.searchParams.get('service') ?? rest.at(-1) ?? '';
  deps.count(service.includes('receive-pack') ? 'GitPush' : 'GitPull');
  runHttpBackend(req, res, { ...deps, pathInfo: `/${name}/${rest.join('/')}`, query: url.search.slice(1) });
}

function checkCredentials(
  req: IncomingMessage,
  signedPath: string,
  deps: GitDeps,
): { status: 401 | 403; message: string } | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Basic ')) return { status: 401, message: 'Authentication required' };
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const [username, password] = colon === -1 ? [decoded, ''] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
  const forbidden = { status: 403 as const, message: 'Forbidden' };
  const percent = username.indexOf('%');
  const accessKeyId = percent === -1 ? username : username.slice(0, percent);
  const token = percent === -1 ? undefined : username.slice(percent + 1);
  const match = /^(\d{8}T\d{6})Z([0-9a-f]{64})$/.exec(password);
  if (!match) return forbidden;
  const [, stamp, signature] = match as unknown as [string, string, string];
  const signedAt = Date.parse(
    `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
  );
  const nowMs = deps.now();
  if (!(Math.abs(nowMs - signedAt) <= MAX_SKEW_MS)) return forbidden;
  let secret: string;
  if (token === undefined) {
    const longTerm = deps.state.accessKey(accessKeyId);
    if (!longTerm || longTerm.key.status !== 'Active') return forbidden;
    secret = longTerm.key.secret;
  } else {
    const claims = deps.issuer.open(accessKeyId, token);
    if (!claims || nowMs >= claims.expiresAtMs) return forbidden;
    secret = deps.issuer.secretFor(accessKeyId);
  }
  const hostname = (req.headers.host ?? '').split(':')[0] ?? '';
  const canonical = `GIT\n${signedPath}\n\nhost:${hostname}\n\nhost\n`;
  const scope = `${stamp.slice(0, 8)}/${deps.region}/codecommit/aws4_request`;
  const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
  let key: Buffer = hmac(`AWS4${secret}`, stamp.slice(0, 8));
  for (const part of [deps.region, 'codecommit', 'aws4_request']) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, toSign).toString('hex'));
  if (!timingSafeEqual(expected, Buffer.from(signature))) return forbidden;
  return undefined;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Runs `git http-backend` as CGI: the request streams to its stdin, its headers become ours, the rest streams back. */
function runHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  deps: GitDeps & { pathInfo: string; query: string },
): void {
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: deps.root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: deps.pathInfo,
      QUERY_STRING: deps.query,
      REQUEST_METHOD: req.method ?? 'GET',
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      // http-backend allows pushes only for an authenticated user.
      REMOTE_USER: 'codecommit-user',
      REMOTE_ADDR: '127.0.0.1',
      ...(req.headers['content-encoding'] && { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] }),
      ...(req.headers['git-protocol'] && { GIT_PROTOCOL: String(req.headers['git-protocol']) }),
    },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  req.pipe(child.stdin);
  child.stdin.on('error', () => undefined);
  let head = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end === -1) return;
    headersDone = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const field = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (field.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
      else if (field) headers[field] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.on('close', (code) => {
    if (!headersDone) res.writeHead(500, { 'content-type': 'text/plain' }).end(`git http-backend exited ${code}\n`);
    else res.end();
  });
}
