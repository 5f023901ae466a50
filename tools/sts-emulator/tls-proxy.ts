// An HTTPS proxy for clients that cannot be pointed at the emulator: Debian's AWS CLI 2.9 ignores
// AWS_ENDPOINT_URL_STS and endpoint_url, so the AssumeRole that `aws codecommit credential-helper` makes goes to
// sts.REGION.amazonaws.com. It honours HTTPS_PROXY and AWS_CA_BUNDLE, and git honours http.proxy and
// http.sslCAInfo: this proxy answers their CONNECT for AWS's STS and CodeCommit git hosts only, ends TLS with a
// test certificate for those names, and forwards each decrypted request to the emulator with its Host header kept
// (CodeCommit's git signature covers the host). Anything else is refused: nothing leaves 127.0.0.1.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';

/** The hosts the proxy stands in for: STS (global and regional) and CodeCommit's git endpoints, port 443. */
const AWS_HOST = /^(sts|sts\.[a-z0-9-]+|git-codecommit\.[a-z0-9-]+)\.amazonaws\.com:443$/;

export interface TlsProxyOptions {
  /** The emulator's URL (http://127.0.0.1:PORT): where the decrypted requests go. */
  upstream: string;
  /** PEM key and certificate (its names must cover the hosts clients ask for). */
  key: string;
  cert: string;
}

export interface TlsProxy {
  /** `http://127.0.0.1:PORT`: the value for HTTPS_PROXY and git's http.proxy. */
  readonly url: string;
  /** The `host:port` of every CONNECT, refused ones too, in order. */
  readonly connects: readonly string[];
  close(): Promise<void>;
}

export async function startTlsProxy(options: TlsProxyOptions): Promise<TlsProxy> {
  const upstream = new URL(options.upstream);
  const secureContext = createSecureContext({ key: options.key, cert: options.cert });
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: ${error.message}\n`);
    });
    req.pipe(out);
  };
  // Requests arriving inside the tunnels: the same HTTP parser as any server, fed by the TLS sockets below.
  const inner = createServer(forward);
  const outer = createServer((_req, res) => {
    res.writeHead(405, { 'content-type': 'text/plain' }).end('Only CONNECT to AWS hosts is served here.\n');
  });
  outer.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  outer.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const target = req.url ?? '';
    connects.push(target);
    socket.on('error', () => undefined);
    if (!AWS_HOST.test(target)) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    const tls = new TLSSocket(socket, { isServer: true, secureContext });
    tls.on('error', () => socket.destroy());
    inner.emit('connection', tls);
  });
  await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(outer.address() as AddressInfo).port}`,
    connects,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      inner.close();
      await new Promise<void>((resolve) => outer.close(() => resolve()));
    },
  };
}
