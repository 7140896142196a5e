// A small HTTP server on 127.0.0.1 that keeps docs/attachments.md's upload contract and the
// submissions route's answers, for the device's sender tests: it hashes each upload as it
// arrives, answers 201/200/422, refuses a submission whose files it lacks with
// `attachment_missing`, and can misbehave on demand. Not the real server: that one's own
// tests cover its storage; this one lets the device's side be tested against the contract alone.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  /** The URL as sent, query included. */
  rawUrl: string;
  path: string;
  type?: string;
  authorization?: string;
  appVersion?: string;
}

export interface ContractServer {
  url: string;
  token: string;
  log: SeenRequest[];
  /** Submission ids stored, and those in every POST in order. */
  stored: Set<string>;
  posted: string[];
  /** A chosen answer for uploads of a given sha256 (e.g. 415), instead of storing it. */
  answer: Map<string, { status: number; code: string; message: string }>;
  /** Drop the connection mid-body on the n-th PUT (1-based) when this says so. */
  dropPut: (n: number) => boolean;
  /** Forget every file before answering each POST: the server lost what it confirmed. */
  forgetFiles: boolean;
  /** The bytes held for a submission's file, if any. */
  file(submissionId: string, sha256: string): Buffer | undefined;
  close(): Promise<void>;
}

const UPLOAD = /^\/api\/v1\/submissions\/([^/]+)\/attachments\/([0-9a-f]{64})$/;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the contract server on a free port. */
export async function startContractServer(): Promise<ContractServer> {
  const files = new Map<string, Buffer>();
  let puts = 0;
  const state: ContractServer = {
    url: '',
    token: randomBytes(24).toString('base64url'),
    log: [],
    stored: new Set(),
    posted: [],
    answer: new Map(),
    dropPut: () => false,
    forgetFiles: false,
    file: (id, sha) => files.get(`${id}/${sha}`),
    close: () => new Promise((done) => (server.closeAllConnections(), server.close(() => done()))),
  };

  const upload = async (req: IncomingMessage, res: ServerResponse, id: string, sha: string) => {
    if (++puts && state.dropPut(puts)) {
      // Part of the body arrives, then the network goes: nothing is kept.
      req.once('data', () => req.socket.destroy());
      return;
    }
    const bytes = await bodyOf(req);
    const chosen = state.answer.get(sha);
    if (chosen) return json(res, chosen.status, { error: { code: chosen.code, message: chosen.message } });
    if (createHash('sha256').update(bytes).digest('hex') !== sha) return json(res, 422, { error: { code: 'hash_mismatch', message: 'The bytes do not hash to the sha256 of the URL.' } });
    const key = `${id}/${sha}`;
    if (files.has(key)) return json(res, 200, { status: 'duplicate' });
    files.set(key, bytes);
    json(res, 201, { status: 'stored' });
  };

  const submit = async (req: IncomingMessage, res: ServerResponse) => {
    const { submissions } = JSON.parse((await bodyOf(req)).toString('utf8')) as { submissions: Array<{ id: string; attachments?: Array<{ name: string; sha256: string }> }> };
    if (state.forgetFiles) files.clear();
    const results = submissions.map((s) => {
      state.posted.push(s.id);
      if (state.stored.has(s.id)) return { id: s.id, status: 'duplicate' };
      const lacking = (s.attachments ?? []).filter((a) => !files.has(`${s.id}/${a.sha256}`));
      if (lacking.length > 0) {
        return { id: s.id, status: 'rejected', errors: lacking.map((a) => ({ path: 'attachments', code: 'attachment_missing', message: `The server does not hold ${a.name}.` })) };
      }
      state.stored.add(s.id);
      return { id: s.id, status: 'stored' };
    });
    json(res, 200, { results });
  };

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? '';
    const path = new URL(rawUrl, 'http://x').pathname;
    state.log.push({
      method: req.method ?? '',
      rawUrl,
      path,
      ...(req.headers['content-type'] !== undefined && { type: req.headers['content-type'] }),
      ...(req.headers.authorization !== undefined && { authorization: req.headers.authorization }),
      ...(typeof req.headers['x-app-version'] === 'string' && { appVersion: req.headers['x-app-version'] }),
    });
    if (req.headers.authorization !== `Bearer ${state.token}`) return json(res, 401, { error: { code: 'unauthorized', message: 'Unknown device.' } });
    const match = UPLOAD.exec(path);
    const handled = req.method === 'PUT' && match ? upload(req, res, decodeURIComponent(match[1]!), match[2]!) : req.method === 'POST' && path === '/api/v1/submissions' ? submit(req, res) : Promise.resolve(json(res, 404, { error: { code: 'not_found', message: 'No such route.' } }));
    handled.catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
