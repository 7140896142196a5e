// What only the PostgreSQL store has: migrations shared by several servers, a cursor for
// exports, and a database that goes away and comes back.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkSubmission } from '../../server/ingest';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../../server/store/postgres-migrations';
import { openPostgres } from '../../server/store/postgres';
import { CONNECT_TIMEOUT_MS, isUnavailable, poolConfig } from '../../server/store/postgres-pool';
import { FETCH_ROWS } from '../../server/store/postgres-submissions';
import type { NewSubmission } from '../../server/store/types';
import { StoreUnavailableError } from '../../server/store/unavailable';
import { makeSubmissions } from '../fixtures/submissions';
import { describeWithPostgres, startCluster, type TestCluster } from '../helpers/postgres';

function itemsOf(n: number): NewSubmission[] {
  return makeSubmissions(n).map((s) => (checkSubmission(s) as { ok: true; item: NewSubmission }).item);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tables = (url: string) =>
  query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name").then((rows) =>
    rows.map((row) => row.table_name),
  );

describeWithPostgres('the PostgreSQL store', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('migrates an empty database, then finds nothing to do', async () => {
    const url = await cluster.createDatabase();
    expect(await tables(url)).toEqual([]);
    expect(await migratePostgres(poolConfig(url))).toEqual({ from: 0, to: POSTGRES_MIGRATIONS.length });
    expect(await tables(url)).toEqual(['attachments', 'audit_log', 'devices', 'enrollment_codes', 'fieldbook_schema_versions', 'form_versions', 'forms', 'submissions']);
    expect(await migratePostgres(poolConfig(url))).toEqual({ from: POSTGRES_MIGRATIONS.length, to: POSTGRES_MIGRATIONS.length });
  });

  it('takes the previous schema forward, keeping its rows', async () => {
    const url = await cluster.createDatabase();
    const previous = [...POSTGRES_MIGRATIONS];
    const next = [...previous, 'ALTER TABLE submissions ADD COLUMN note text'];
    const database = await openPostgres(url, { migrations: previous });
    await database.store.ingest(itemsOf(3), new Date().toISOString());
    await database.close();

    expect(await migratePostgres(poolConfig(url), next)).toEqual({ from: previous.length, to: next.length });
    const rows = await query<{ n: string; note: string | null }>(url, 'SELECT count(*) AS n, max(note) AS note FROM submissions');
    expect(rows).toEqual([{ n: '3', note: null }]);
  });

  it('runs each migration once when several servers start together', async () => {
    const url = await cluster.createDatabase();
    // A slow migration, so the others are certainly waiting on the lock meanwhile.
    const migrations = [...POSTGRES_MIGRATIONS, 'SELECT pg_sleep(0.3); CREATE TABLE once_only (x integer)'];
    const runs = await Promise.all([1, 2, 3].map(() => migratePostgres(poolConfig(url), migrations)));
    expect(runs.filter((run) => run.from === 0)).toHaveLength(1);
    expect(runs.filter((run) => run.from === migrations.length)).toHaveLength(2);
    const versions = await query<{ version: number }>(url, 'SELECT version FROM fieldbook_schema_versions ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(migrations.map((_, i) => i + 1));
    const locks = await query(url, "SELECT 1 FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks).toEqual([]);
  });

  it('refuses a database newer than the server, and a failed migration leaves the version where it was', async () => {
    const url = await cluster.createDatabase();
    await migratePostgres(poolConfig(url), [...POSTGRES_MIGRATIONS, 'CREATE TABLE later (x integer)']);
    await expect(migratePostgres(poolConfig(url))).rejects.toThrow(/newer than this server/);

    const other = await cluster.createDatabase();
    await expect(migratePostgres(poolConfig(other), [...POSTGRES_MIGRATIONS, 'CREATE TABLE half (x integer); SELECT * FROM missing'])).rejects.toThrow(/missing/);
    expect(await tables(other)).toEqual(['attachments', 'audit_log', 'devices', 'enrollment_codes', 'fieldbook_schema_versions', 'form_versions', 'forms', 'submissions']);
    expect(await migratePostgres(poolConfig(other))).toEqual({ from: POSTGRES_MIGRATIONS.length, to: POSTGRES_MIGRATIONS.length });
  });

  it(`streams a form in FETCH_ROWS pieces through a cursor, and breaking out gives the connection back`, async () => {
    const database = await openPostgres(await cluster.createDatabase(), { poolMax: 2 });
    try {
      const items = itemsOf(FETCH_ROWS * 2 + 7);
      await database.store.ingest(items, new Date().toISOString());
      const ids: string[] = [];
      for await (const stored of database.store.iterateForm(items[0]?.formId ?? '')) ids.push(stored.id);
      expect(ids).toEqual(items.map((item) => item.id));

      // Breaking out early, more often than the pool has connections: each must come back.
      for (let i = 0; i < 3; i++) {
        for await (const stored of database.store.iterateForm(items[0]?.formId ?? '')) {
          expect(stored.id).toBe(items[0]?.id);
          break;
        }
      }
      expect(database.pool.totalCount).toBe(database.pool.idleCount);
      expect(await database.store.count()).toBe(items.length);
    } finally {
      await database.close();
    }
  });

  it('a batch that loses a deadlock to another transaction runs again, and finds both ids taken', async () => {
    const url = await cluster.createDatabase();
    const database = await openPostgres(url);
    const rival = new pg.Client({ connectionString: url });
    await rival.connect();
    try {
      // The rival never gives up first: the store's transaction is the one PostgreSQL aborts.
      await rival.query("SET deadlock_timeout = '10s'");
      const [a, b] = itemsOf(2) as [NewSubmission, NewSubmission];
      const insert = (item: NewSubmission) =>
        rival.query('INSERT INTO submissions (id, form_id, form_version, device_id, received_at, content_hash, json) VALUES ($1, $2, $3, $4, now(), $5, $6)', [
          item.id, item.formId, item.formVersion, item.deviceId, item.hash, item.json,
        ]);
      await rival.query('BEGIN');
      await insert(b);
      const ingesting = database.store.ingest([a, b], new Date().toISOString());
      // Wait until the store has taken a and waits for b...
      for (let waiting = 0; waiting === 0; ) {
        // The activity view is a snapshot per transaction: refresh it for each look.
        await rival.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await rival.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'fieldbook' AND wait_event_type = 'Lock'");
        waiting = Number(rows[0]?.n);
      }
      // ...then the rival wants a: a deadlock.
      await insert(a);
      await rival.query('COMMIT');
      expect(await ingesting).toEqual([a, b].map((item) => ({ inserted: false, storedHash: item.hash })));
      expect(await database.store.count()).toBe(2);
    } finally {
      await rival.end();
      await database.close();
    }
  });

  it('says "unavailable" within seconds while the database is down, and recovers by itself', async () => {
    const database = await openPostgres(await cluster.createDatabase());
    try {
      await database.ping();
      cluster.stopServer();
      for (const attempt of [() => database.ping(), () => database.store.ingest(itemsOf(2), new Date().toISOString()), () => database.store.count()]) {
        const started = Date.now();
        const error = await attempt().then(
          () => undefined,
          (failed: unknown) => failed,
        );
        expect(error).toBeInstanceOf(StoreUnavailableError);
        expect(Date.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS + 1_000);
      }
      cluster.startServer();
      await database.ping();
      const outcomes = await database.store.ingest(itemsOf(2), new Date().toISOString());
      expect(outcomes).toEqual([{ inserted: true }, { inserted: true }]);
    } finally {
      await database.close();
    }
  });
});

it.each([
  [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), true],
  [Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), true],
  [Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), true],
  [new Error('timeout exceeded when trying to connect'), true],
  [new Error('Connection terminated unexpectedly'), true],
  [Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' }), false],
  [Object.assign(new Error('relation "submissions" does not exist'), { code: '42P01' }), false],
  [new Error('submission x was neither inserted nor found'), false],
])('isUnavailable(%s) → %s', (error, expected) => {
  expect(isUnavailable(error)).toBe(expected);
});
