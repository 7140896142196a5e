// A real server on 127.0.0.1 (random port) with a real SQLite file in a temp folder.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';
import type { RateLimit } from '../../server/rate-limit';
import { startServer } from '../../server/server';
import { DATABASE_FILE, openSqliteStore } from '../../server/store/sqlite';
import type { Store } from '../../server/store/types';
import { queryValueSync, startCluster, type TestCluster } from './postgres';
import { newToken } from '../../server/tokens';

/** Room for any test's requests; the rate-limit test passes its own. */
export const TEST_RATE_LIMIT: RateLimit = { perMinute: 600_000, burst: 100_000 };

/** A tiny stand-in for Vite's build output, so static tests need no build. */
export const FIXTURE_INDEX_HTML = '<!doctype html><title>Fieldbook test</title><div id="app"></div>';
export const FIXTURE_ASSET_PATH = '/assets/app-abc123.js';
export const FIXTURE_ASSET_BODY = 'console.log("fieldbook");';

export interface TestServer {
  url: string;
  /** The shared device token (FIELDBOOK_DEVICE_TOKEN-style); '' when started with `deviceToken: null`. */
  deviceToken: string;
  coordinatorToken: string;
  dataDir: string;
  distDir: string;
  /** Stops the server; removes its temp folder too unless the caller gave `dataDir`. */
  stop: () => Promise<void>;
  /** Rows stored, read through a connection of its own (to the SQLite file, or to PostgreSQL). */
  count: (formId?: string) => number;
}

export interface TestServerOptions {
  dataDir?: string;
  rateLimit?: RateLimit;
  /** File uploads' own bucket; the server's default unless given. */
  uploadRateLimit?: RateLimit;
  /** A shared device token, as FIELDBOOK_DEVICE_TOKEN gives; a random one unless given, none for null. */
  deviceToken?: string | null;
  coordinatorToken?: string;
  /** How long enrollment links work. */
  enrollmentTtlMs?: number;
  /** Wraps the SQLite store, e.g. to watch what the server reads. */
  wrapStore?: (store: Store) => Store;
  /** PostgreSQL instead of the SQLite file (see helpers/postgres.ts); `count` then asks it through psql. */
  databaseUrl?: string;
}

/** A fresh temp folder; the caller removes it with `removeDir`. */
export function makeTempDir(prefix = 'fieldbook-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Rows in the submissions table of the database in `dataDir`. */
export function countRows(dataDir: string, formId?: string): number {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const row = (formId === undefined
      ? db.prepare('SELECT count(*) AS n FROM submissions').get()
      : db.prepare('SELECT count(*) AS n FROM submissions WHERE form_id = ?').get(formId)) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

function writeFixtureDist(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), FIXTURE_INDEX_HTML);
  writeFileSync(join(dir, FIXTURE_ASSET_PATH), FIXTURE_ASSET_BODY);
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
}

let sharedCluster: Promise<TestCluster> | undefined;
/** The database each data folder got, so a server restarted on a folder finds its data again. */
const databaseOfDataDir = new Map<string, string>();

/**
 * FIELDBOOK_TEST_POSTGRES=1 runs every test server on a fresh database of one throwaway
 * PostgreSQL cluster per test process: the HTTP suites then exercise the PostgreSQL stores.
 * Tests that read the SQLite file directly (server-ids, the file itself) cannot pass in that mode.
 */
async function postgresForEveryServer(dataDir: string): Promise<string | undefined> {
  if (!process.env.FIELDBOOK_TEST_POSTGRES) return undefined;
  const known = databaseOfDataDir.get(dataDir);
  if (known) return known;
  sharedCluster ??= startCluster();
  const url = await (await sharedCluster).createDatabase();
  databaseOfDataDir.set(dataDir, url);
  return url;
}

// Registered while the importing test file is collected, so it runs after that file's tests: a
// test worker may be ended without an exit event, and the cluster (a daemon) would outlive it.
if (process.env.FIELDBOOK_TEST_POSTGRES) {
  afterAll(async () => {
    const cluster = sharedCluster;
    sharedCluster = undefined;
    databaseOfDataDir.clear();
    (await cluster)?.destroy();
  });
}

/** Starts a server in this process; always call `stop`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const root = makeTempDir();
  const dataDir = options.dataDir ?? join(root, 'data');
  const postgres = options.databaseUrl ?? (options.wrapStore ? undefined : await postgresForEveryServer(resolve(dataDir)));
  if (postgres) options = { ...options, databaseUrl: postgres };
  const distDir = join(root, 'dist');
  writeFixtureDist(distDir);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    mkdirSync(dataDir, { recursive: true });
    const store = options.databaseUrl ? undefined : options.wrapStore?.(openSqliteStore(dataDir));
    running = await startServer({
      ...(store ? { store } : {}),
      ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      distDir,
      rateLimit: options.rateLimit ?? TEST_RATE_LIMIT,
      ...(options.uploadRateLimit && { uploadRateLimit: options.uploadRateLimit }),
      ...(options.deviceToken !== null && { deviceToken: options.deviceToken ?? newToken() }),
      ...(options.enrollmentTtlMs !== undefined && { enrollmentTtlMs: options.enrollmentTtlMs }),
      ...(options.coordinatorToken ? { coordinatorToken: options.coordinatorToken } : {}),
    });
  } catch (error) {
    removeDir(root);
    throw error;
  }
  return {
    url: running.url,
    deviceToken: running.tokens.device ?? '',
    coordinatorToken: running.tokens.coordinator,
    dataDir: running.dataDir,
    distDir,
    count: (formId) => {
      if (options.databaseUrl) {
        const where = formId === undefined ? '' : ` WHERE form_id = '${formId.replaceAll("'", "''")}'`;
        return Number(queryValueSync(options.databaseUrl, `SELECT count(*) FROM submissions${where}`));
      }
      return countRows(running.dataDir, formId);
    },
    stop: async () => {
      await running.close();
      removeDir(root);
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** Reads a fetch answer whole. */
export async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export interface PostOptions {
  token?: string | null;
  contentType?: string | null;
}

/** POSTs a body (a value is sent as JSON, a string as is) to /api/v1/submissions. */
export async function postSubmissions(server: TestServer, body: unknown, options: PostOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? server.deviceToken : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['Content-Type'] = contentType;
  const response = await fetch(`${server.url}/api/v1/submissions`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return readAnswer(response);
}

/** GETs a path, with a token when given. */
export async function get(server: TestServer, path: string, token?: string): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
  return readAnswer(response);
}

/** POST /api/v1/forms with a JSON definition and the coordinator token. */
export async function publishDefinition(server: TestServer, definition: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}/api/v1/forms`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.coordinatorToken}` },
    body: JSON.stringify(definition),
  });
  return readAnswer(response);
}
