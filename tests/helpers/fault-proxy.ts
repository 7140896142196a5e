// A proxy on 127.0.0.1 in front of the real server that can misbehave on the sync route the way
// field networks do: refuse, fail, hang, or commit then cut the answer.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultMode =
  | 'pass'
  /** The connection is dropped before reaching the server. */
  | 'down'
  /** The server answers 500 without seeing the request. */
  | 'error500'
  /** No answer at all until the client gives up. */
  | 'hang'
  /** The server commits the batch, then the connection is cut before the answer arrives. */
  | 'cut-after-commit'
  /** The server commits at once, but its answer is held back for SLOW_ANSWER_MS. */
  | 'slow';

/** How long 'slow' holds an answer: long enough to close a page mid-send. */
export const SLOW_ANSWER_MS = 2000;

export interface FaultProxy {
  url: string;
  mode: FaultMode;
  /** Sync POSTs seen, by what happened to them. */
  seen: Record<FaultMode, number>;
  close(): Promise<void>;
}

const isSync = (req: IncomingMessage) => req.method === 'POST' && (req.url ?? '').startsWith('/api/v1/submissions');

/** Starts a proxy to `target` (an origin); faults apply only to sync POSTs. */
export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  const upstream = new URL(target);
  const hanging = new Set<ServerResponse>();
  const proxy: FaultProxy = {
    url: '',
    mode: 'pass',
    seen: { pass: 0, down: 0, error500: 0, hang: 0, 'cut-after-commit': 0, slow: 0 },
    close: () => new Promise((done) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => done());
    }),
  };

  const forward = (req: IncomingMessage, res: ServerResponse, how: 'pass' | 'cut' | 'slow') => {
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (how === 'slow') {
          setTimeout(() => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          }, SLOW_ANSWER_MS);
          return;
        }
        if (how === 'cut') {
          // Read the whole answer (so the server has committed and replied), then drop the client.
          answer.resume();
          answer.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.socket?.destroy());
    req.pipe(out);
  };

  const server: Server = createServer((req, res) => {
    const mode = isSync(req) ? proxy.mode : 'pass';
    if (isSync(req)) proxy.seen[mode]++;
    switch (mode) {
      case 'down':
        req.socket.destroy();
        return;
      case 'error500':
        req.resume();
        res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":{"code":"internal_error","message":"injected"}}');
        return;
      case 'hang':
        req.resume();
        hanging.add(res);
        return;
      default:
        forward(req, res, mode === 'cut-after-commit' ? 'cut' : mode === 'slow' ? 'slow' : 'pass');
    }
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
