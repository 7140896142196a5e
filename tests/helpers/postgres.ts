// Throwaway PostgreSQL clusters for tests: Debian's binaries, a temp folder, a free port on
// 127.0.0.1, one database per suite. initdb and postgres refuse to run as root, so as root
// they run as the `postgres` user (which Debian's package creates).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';

/** The folder holding initdb and postgres: `PG_BIN`, else the newest Debian install. */
function findBinaries(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

export const POSTGRES_BIN = findBinaries();

const AS_ROOT = process.getuid?.() === 0;

/** The uid/gid of the `postgres` user when running as root (undefined when there is none). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (!AS_ROOT) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

const OWNER = postgresUser();

/** Whether this machine can start a cluster: binaries present and, as root, a `postgres` user. */
export const HAS_POSTGRES = POSTGRES_BIN !== undefined && (!AS_ROOT || OWNER !== undefined);

/**
 * A describe block that needs PostgreSQL. On a laptop without it the block is skipped loudly;
 * under CI=true a missing PostgreSQL is a failure, never a silent skip.
 */
export function describeWithPostgres(name: string, body: () => void): void {
  if (HAS_POSTGRES) {
    describe(name, body);
    return;
  }
  const why = POSTGRES_BIN === undefined ? 'no initdb under /usr/lib/postgresql/*/bin (or PG_BIN)' : 'running as root but there is no postgres user';
  if (process.env.CI) {
    describe(name, () => {
      throw new Error(`PostgreSQL cannot run here (${why}): CI must install Debian's postgresql package`);
    });
    return;
  }
  console.warn(`\n⚠⚠⚠ SKIPPING PostgreSQL tests "${name}": ${why} (apt-get install postgresql) ⚠⚠⚠\n`);
  describe.skip(name, body);
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function run(binary: string, args: readonly string[]): string {
  const path = join(POSTGRES_BIN ?? '', binary);
  const [command, argv] = AS_ROOT ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]];
  return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** One value from a query, synchronously (psql), for test helpers whose callers cannot await. */
export function queryValueSync(url: string, sql: string): string {
  return execFileSync(join(POSTGRES_BIN ?? '', 'psql'), ['--no-psqlrc', '-tAq', '-d', url, '-c', sql], { encoding: 'utf8' }).trim();
}

/** A port nobody listens on right now (the cluster binds it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface TestCluster {
  port: number;
  /** A fresh, empty database in this cluster; its URL. */
  createDatabase: (name?: string) => Promise<string>;
  /** Stops the server (fast shutdown: connections are cut), keeping its files. */
  stopServer: () => void;
  /** Starts it again on the same port, after `stopServer`. */
  startServer: () => void;
  /** Stops the server and removes its folder. */
  destroy: () => void;
}

let databases = 0;

/** Starts a cluster in a temp folder; always call `destroy` (e.g. in afterAll). */
export async function startCluster(): Promise<TestCluster> {
  if (!HAS_POSTGRES) throw new Error('PostgreSQL binaries are not available (see describeWithPostgres)');
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-pg-'));
  if (OWNER) chownSync(root, OWNER.uid, OWNER.gid);
  const dataDir = join(root, 'cluster');
  const log = join(root, 'server.log');
  // Trust on 127.0.0.1 only: a throwaway cluster for tests, never a real one.
  run('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  let port = 0;
  let running = false;
  // fsync off: a crash of a test machine loses nothing worth keeping, and tests run faster.
  const settings = () => `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c full_page_writes=off -c max_connections=100`;
  const startServer = () => {
    run('pg_ctl', ['-D', dataDir, '-l', log, '-o', settings(), '-w', '-t', '30', 'start']);
    running = true;
  };
  const stopServer = () => {
    if (!running) return;
    run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
    running = false;
  };
  // A test run that dies still stops its cluster and removes its folder, so nothing is left behind.
  const onExit = () => {
    try {
      if (running) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      rmSync(root, { recursive: true, force: true });
    } catch {
      // Nothing more can be done while exiting.
    }
  };
  process.once('exit', onExit);
  // The free port may be taken by another test file between the probe and the bind: try again.
  for (let attempt = 1; !running; attempt++) {
    port = await freePort();
    try {
      startServer();
    } catch (error) {
      if (attempt < 3) continue;
      process.off('exit', onExit);
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2_000) : '(no log)';
      rmSync(root, { recursive: true, force: true });
      throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${serverLog}`);
    }
  }

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    port,
    createDatabase: async (name = `test_${process.pid}_${++databases}`) => {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
      } finally {
        await admin.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    stopServer,
    startServer,
    destroy: () => {
      process.off('exit', onExit);
      try {
        stopServer();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
