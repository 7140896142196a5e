// `npm run bench:postgres`: the PostgreSQL figures of issue 16, on a throwaway cluster.
// 1. Ingest through one server on PostgreSQL against a bare node:http + pg server inserting
//    the same rows (target ≥ 70 %). 2. Two server processes against one, under concurrent
//    devices. 3. Peak memory of a server process streaming a 1,000,000-row CSV, PostgreSQL
//    and SQLite side by side.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startServer } from '../server/server';
import { migratePostgres } from '../server/store/postgres-migrations';
import { poolConfig } from '../server/store/postgres-pool';
import { DATABASE_FILE, openSqliteStore } from '../server/store/sqlite';
import { startCluster, type TestCluster } from '../tests/helpers/postgres';
import { spawnServerProcess } from '../tests/helpers/server-process';
import { batches, makeSubmissions } from './lib/submissions';
import { median } from './lib/stats';

const DEVICE_TOKEN = 'bench-device-token-0123456789';
const COORDINATOR_TOKEN = 'bench-coordinator-token-0123456789';
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CSV_ROWS = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000);

const bodiesOf = (count: number) => batches(makeSubmissions(count, 'workshop-feedback', { answerAll: true }), 200).map((b) => JSON.stringify({ submissions: b }));

async function post(url: string, body: string): Promise<void> {
  const response = await fetch(`${url}/api/v1/submissions`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${DEVICE_TOKEN}` }, body });
  if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

/** `devices` clients, each posting its share of the batches in turn, spread over `urls`; submissions per second. */
async function ingestRate(urls: readonly string[], bodies: readonly string[], devices: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: devices }, async (_, device) => {
      const url = urls[device % urls.length] ?? '';
      for (let i = device; i < bodies.length; i += devices) await post(url, bodies[i] ?? '');
    }),
  );
  return (bodies.length * 200) / ((performance.now() - started) / 1000);
}

/** The baseline: parse JSON, hash, and insert the rows with one multi-row INSERT per batch, bare pg. */
async function startBarePgServer(url: string): Promise<{ url: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS bare (id text PRIMARY KEY, form_id text, form_version integer, device_id text, received_at timestamptz, content_hash text, json text)');
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const { submissions } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { submissions: Array<{ id: string; formId: string; formVersion: number; meta: { deviceId: string } }> };
      const now = new Date().toISOString();
      const values: unknown[] = [];
      const rows = submissions.map((s, i) => {
        const json = JSON.stringify(s);
        values.push(s.id, s.formId, s.formVersion, s.meta.deviceId, now, createHash('sha256').update(json).digest('hex'), json);
        return `(${Array.from({ length: 7 }, (__, c) => `$${i * 7 + c + 1}`).join(', ')})`;
      });
      await pool.query(`INSERT INTO bare VALUES ${rows.join(', ')} ON CONFLICT (id) DO NOTHING`, values);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ results: submissions.map((s) => ({ id: s.id, status: 'stored' })) }));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await new Promise((done) => server.close(done));
      await pool.end();
    },
  };
}

/** Figure 1: one device, batches of 200, through Fieldbook on PostgreSQL and through the bare server. */
async function oneInstanceAgainstBare(cluster: TestCluster): Promise<void> {
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const bodies = bodiesOf(10_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-pg-'));
    const fieldbook = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: await cluster.createDatabase(), deviceToken: DEVICE_TOKEN, rateLimit: { perMinute: 1e6, burst: 1e6 } });
    const bare = await startBarePgServer(await cluster.createDatabase());
    // Both warmed up (JIT, pool connections) with other rows, then timed in alternating order.
    for (const url of [fieldbook.url, bare.url]) await ingestRate([url], bodiesOf(2_000), 1);
    const timeFieldbook = () => ingestRate([fieldbook.url], bodies, 1);
    const timeBare = () => ingestRate([bare.url], bodies, 1);
    let fb: number;
    let bareRate: number;
    if (run % 2 === 0) {
      fb = await timeFieldbook();
      bareRate = await timeBare();
    } else {
      bareRate = await timeBare();
      fb = await timeFieldbook();
    }
    await fieldbook.close();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
    ratios.push((100 * fb) / bareRate);
    console.log(`  run ${run + 1}: Fieldbook on PostgreSQL ${fb.toFixed(0)}/s, bare pg ${bareRate.toFixed(0)}/s`);
  }
  console.log(`Ingest, one instance on PostgreSQL vs bare pg inserts: ${median(ratios).toFixed(0)} % (target ≥ 70 %)`);
}

/** Figure 2: four devices at once into one server process, then into two on the same database. */
async function twoInstancesAgainstOne(cluster: TestCluster): Promise<void> {
  const ratios: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const rates: number[] = [];
    for (const instances of [1, 2]) {
      const databaseUrl = await cluster.createDatabase();
      await migratePostgres(poolConfig(databaseUrl));
      const dirs = Array.from({ length: instances }, () => mkdtempSync(join(tmpdir(), 'fieldbook-bench-pg-')));
      const servers = dirs.map((dir) =>
        spawnServerProcess({ DATA_DIR: dir, DATABASE_URL: databaseUrl, FIELDBOOK_DEVICE_TOKEN: DEVICE_TOKEN, FIELDBOOK_COORDINATOR_TOKEN: COORDINATOR_TOKEN, FIELDBOOK_RATE_PER_MINUTE: '1000000', FIELDBOOK_RATE_BURST: '1000000' }),
      );
      try {
        const urls = await Promise.all(servers.map((s) => s.listening));
        rates.push(await ingestRate(urls, bodiesOf(20_000), 4));
      } finally {
        for (const s of servers) s.child.kill('SIGTERM');
        await Promise.all(servers.map((s) => s.exited));
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    }
    ratios.push((rates[1] ?? 0) / (rates[0] ?? 1));
    console.log(`  run ${run + 1}: one process ${rates[0]?.toFixed(0)}/s, two processes ${rates[1]?.toFixed(0)}/s`);
  }
  console.log(`Ingest, two instances vs one (4 devices at once, ${cpus().length} cores shared with PostgreSQL and the clients): ${median(ratios).toFixed(2)}×`);
}

/** One template submission; rows differ by id only, which is all an export reads per row. */
function templateJson(): string {
  const [s] = makeSubmissions(1, 'workshop-feedback', { answerAll: true });
  return JSON.stringify({ ...s, id: '__ID__' });
}

/** Peak RSS (MB) of a server process streaming the whole CSV; the rows must already be stored. */
async function csvPeakMB(env: Record<string, string>): Promise<{ peakMB: number; rows: number; seconds: number }> {
  const server = spawnServerProcess({ ...env, FIELDBOOK_COORDINATOR_TOKEN: COORDINATOR_TOKEN, FIELDBOOK_DEVICE_TOKEN: DEVICE_TOKEN });
  try {
    const url = await server.listening;
    const started = performance.now();
    const response = await fetch(`${url}/api/v1/forms/workshop-feedback/submissions.csv`, { headers: { Authorization: `Bearer ${COORDINATOR_TOKEN}` } });
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) for (const byte of chunk) if (byte === 10) lines++;
    const seconds = (performance.now() - started) / 1000;
    const peakKB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1]);
    return { peakMB: peakKB / 1024, rows: lines - 1, seconds };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

/** Figure 3: the same 1,000,000 rows exported from PostgreSQL and from SQLite. */
async function millionRowCsv(cluster: TestCluster): Promise<void> {
  const template = templateJson();
  const databaseUrl = await cluster.createDatabase();
  await migratePostgres(poolConfig(databaseUrl));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(
    `INSERT INTO submissions (id, form_id, form_version, device_id, received_at, content_hash, json)
     SELECT id, 'workshop-feedback', 1, 'device-bench', now(), md5(id), replace($1, '__ID__', id)
     FROM (SELECT gen_random_uuid()::text AS id FROM generate_series(1, $2::integer)) AS g`,
    [template, CSV_ROWS],
  );
  await client.end();
  const pgDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-pg-'));
  const sqliteDir = mkdtempSync(join(tmpdir(), 'fieldbook-bench-sqlite-'));
  try {
    const onPg = await csvPeakMB({ DATA_DIR: pgDir, DATABASE_URL: databaseUrl });
    console.log(`CSV of ${onPg.rows} rows from PostgreSQL: peak RSS ${onPg.peakMB.toFixed(0)} MB, ${onPg.seconds.toFixed(1)} s`);

    await openSqliteStore(sqliteDir).close();
    const db = new Database(join(sqliteDir, DATABASE_FILE));
    db.prepare(
      `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)
       INSERT INTO submissions (id, form_id, form_version, device_id, received_at, content_hash, json)
       SELECT id, 'workshop-feedback', 1, 'device-bench', ?, id, replace(?, '__ID__', id) FROM (SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) || '-' || substr(h, 21, 12)) AS id
             FROM (SELECT hex(randomblob(16)) AS h FROM g))`,
    ).run(CSV_ROWS, new Date().toISOString(), template);
    db.close();
    const onSqlite = await csvPeakMB({ DATA_DIR: sqliteDir });
    console.log(`CSV of ${onSqlite.rows} rows from SQLite:     peak RSS ${onSqlite.peakMB.toFixed(0)} MB, ${onSqlite.seconds.toFixed(1)} s`);
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    rmSync(sqliteDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cluster = await startCluster();
  try {
    await oneInstanceAgainstBare(cluster);
    await twoInstancesAgainstOne(cluster);
    await millionRowCsv(cluster);
  } finally {
    cluster.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
