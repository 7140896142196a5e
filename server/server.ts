// Starts one HTTP server for the app and the API; used by main.ts, the tests and the benchmark.
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureContext } from 'node:tls';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachmentFiles } from './attachments/files';
import { createAudit } from './audit';
import type { TlsFiles } from './config';
import type { Context } from './context';
import { createDeviceService, type DeviceService } from './devices';
import { SECURITY_HEADERS } from './http';
import { DEFAULT_RATE_LIMIT, DEFAULT_UPLOAD_RATE_LIMIT, RateLimiter, type RateLimit } from './rate-limit';
import { createHandler } from './router';
import { openPostgres } from './store/postgres';
import { openSqliteStore } from './store/sqlite';
import { builtInSeed } from './forms';
import type { Store } from './store/types';
import { loadTokens, type Tokens } from './tokens';

/** Where `npm run build` puts the app, found from this file so the working folder does not matter. */
export const DEFAULT_DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** How long shutdown waits for requests in flight before cutting them. */
export const SHUTDOWN_GRACE_MS = 10_000;

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  dataDir: string;
  /** Where attachment files go; `<dataDir>/attachments` unless given (a folder shared by every server on one database). */
  attachmentsDir?: string;
  deviceToken?: string;
  coordinatorToken?: string;
  rateLimit?: RateLimit;
  uploadRateLimit?: RateLimit;
  distDir?: string;
  /** Another database than the default SQLite file in `dataDir`. */
  store?: Store;
  /** How long a new enrollment link works (7 days unless given). */
  enrollmentTtlMs?: number;
  /** The origin enrollment links name (FIELDBOOK_PUBLIC_URL); else the origin each request came to. */
  publicUrl?: string;
  /** `postgres://…`: every table in PostgreSQL (migrated first) instead of SQLite; ignored when `store` is given. */
  databaseUrl?: string;
  /** Serve HTTPS with this certificate and key instead of HTTP. */
  tls?: TlsFiles;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080`, with the port actually bound. */
  url: string;
  /** Absolute path of the data folder. */
  dataDir: string;
  tokens: Tokens;
  /** Enrollment and revocation, for the command line and the first-device link. */
  devices: DeviceService;
  /** Stops taking connections, lets requests in flight finish (up to a grace period), then closes the store. */
  close: () => Promise<void>;
}

function originOf(address: AddressInfo, secure: boolean): string {
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `${secure ? 'https' : 'http'}://${host}:${address.port}`;
}

/** The certificate and key, read and checked at start, before the database is opened; a bad file stops the start with its name. */
function readTls(tls: TlsFiles): { cert: Buffer; key: Buffer } {
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`Could not read the TLS ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  };
  const files = { cert: read(tls.certFile, 'certificate'), key: read(tls.keyFile, 'key') };
  try {
    createSecureContext(files);
  } catch (error) {
    throw new Error(`TLS_CERT_FILE and TLS_KEY_FILE are not a usable PEM certificate and matching key: ${(error as Error).message}`);
  }
  return files;
}

/** A request node:http could not even parse (bad syntax, huge headers) still gets the error shape and headers. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const [status, reason] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request'];
  const body = JSON.stringify({ error: { code: 'bad_request', message: 'The request could not be read as HTTP.' } });
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`);
}

/** Opens the store, loads or makes the tokens, and listens; resolves once requests can be taken. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir);
  const tls = options.tls ? readTls(options.tls) : undefined;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const files = attachmentFiles(resolve(options.attachmentsDir ?? join(dataDir, 'attachments')));
  await mkdir(files.dir, { recursive: true, mode: 0o700 });
  await files.sweep();
  const tokens = loadTokens(dataDir, { device: options.deviceToken, coordinator: options.coordinatorToken });
  const postgres = !options.store && options.databaseUrl ? await openPostgres(options.databaseUrl) : undefined;
  const store = options.store ?? postgres?.store ?? openSqliteStore(dataDir);
  // SQLite lives in this process: if the process answers, so does its database.
  const ping = postgres?.ping ?? (async () => {});
  const closeStores = async () => {
    await store.close();
    await postgres?.close();
  };
  // The built-in forms are the catalog of a fresh data folder; an existing catalog is left as it is.
  const now = () => new Date().toISOString();
  const audit = createAudit(store.audit, now);
  let devices: DeviceService;
  try {
    await store.forms.seed(builtInSeed(), now());
    devices = await createDeviceService({ store, tokens, audit, now, ...(options.enrollmentTtlMs !== undefined && { enrollmentTtlMs: options.enrollmentTtlMs }) });
  } catch (error) {
    await closeStores();
    throw error;
  }
  const ctx: Context = {
    store,
    devices,
    audit,
    limiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT),
    uploadLimiter: new RateLimiter(options.uploadRateLimit ?? DEFAULT_UPLOAD_RATE_LIMIT),
    files,
    distDir: resolve(options.distDir ?? DEFAULT_DIST_DIR),
    ping,
    now,
    ...(options.publicUrl !== undefined && { publicUrl: options.publicUrl }),
  };
  const handle = createHandler(ctx);
  const inFlight = new Set<Promise<void>>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const done = handle(req, res).finally(() => inFlight.delete(done));
    inFlight.add(done);
  };
  const server = tls ? createHttpsServer(tls, listener) : createServer(listener);
  server.on('clientError', answerClientError);

  try {
    await new Promise<void>((ready, fail) => {
      server.once('error', fail);
      server.listen(options.port, options.host, () => {
        server.off('error', fail);
        ready();
      });
    });
  } catch (error) {
    await closeStores();
    throw error;
  }

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((done) => (timer = setTimeout(done, SHUTDOWN_GRACE_MS)));
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      await stopped;
      await closeStores();
    })());

  return { url: originOf(server.address() as AddressInfo, tls !== undefined), dataDir, tokens, devices, close };
}
