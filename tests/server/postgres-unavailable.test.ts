// A server on PostgreSQL while its database goes away and comes back: quick 503s with
// Retry-After (a device keeps its batch), health says which, and no restart is needed.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { startServer } from '../../server/server';
import { CONNECT_TIMEOUT_MS, STATEMENT_TIMEOUT_MS } from '../../server/store/postgres-pool';
import { StoreUnavailableError } from '../../server/store/unavailable';
import { failureOf } from '../../src/sync/outbox';
import { ApiErrorSchema, SubmitResponseSchema } from '../../src/sync/api';
import { DEFAULT_FORM_ID, makeSubmissions } from '../fixtures/submissions';
import { enrolledDevice } from '../helpers/devices';
import { describeWithPostgres, startCluster, type TestCluster } from '../helpers/postgres';
import { get, makeTempDir, postSubmissions, removeDir, startTestServer, type TestServer } from '../helpers/server';

/** Well within "a few seconds": the pool's connect timeout plus the request itself. */
const ANSWER_WITHIN_MS = CONNECT_TIMEOUT_MS + 1_500;

describeWithPostgres('a server whose PostgreSQL goes down', () => {
  let cluster: TestCluster;
  let url: string;
  let server: TestServer;
  beforeAll(async () => {
    cluster = await startCluster();
    url = await cluster.createDatabase();
    server = await startTestServer({ databaseUrl: url });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it('says ok while the database answers', async () => {
    const health = await get(server, '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.json).toEqual({ status: 'ok', database: 'ok' });
  });

  it('answers 503 with Retry-After within seconds, health says so, and it recovers once the database is back', async () => {
    const batch = makeSubmissions(5);
    const first = await postSubmissions(server, { submissions: batch.slice(0, 2) });
    expect(first.status).toBe(200);
    const device = await enrolledDevice(server, 'Laptop with its own credential');

    cluster.stopServer();
    try {
      let started = Date.now();
      const refused = await postSubmissions(server, { submissions: batch });
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(ApiErrorSchema.parse(refused.json).error.code).toBe('unavailable');
      // The device files a 503 as a server fault: the batch stays queued for a later try.
      expect(failureOf(refused.status, refused.headers.get('retry-after'), '')).toEqual({ kind: 'server', status: 503 });
      // A device's own credential cannot be checked either: 503, never a 401 that would stop it.
      const ownCredential = await postSubmissions(server, { submissions: batch }, { token: device.token });
      expect([ownCredential.status, ownCredential.headers.get('retry-after')]).toEqual([503, '5']);

      started = Date.now();
      const health = await get(server, '/api/v1/health');
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      expect(health.status).toBe(503);
      expect(health.json).toEqual({ status: 'degraded', database: 'unreachable' });
      expect(health.headers.get('retry-after')).toBe('5');

      const csv = await get(server, `/api/v1/forms/${DEFAULT_FORM_ID}/submissions.csv`, server.coordinatorToken);
      expect(csv.status).toBe(503);
      expect(ApiErrorSchema.parse(csv.json).error.code).toBe('unavailable');

      // The app itself does not need the database.
      expect((await get(server, '/')).status).toBe(200);
    } finally {
      cluster.startServer();
    }

    expect((await get(server, '/api/v1/health')).json).toEqual({ status: 'ok', database: 'ok' });
    const retried = await postSubmissions(server, { submissions: batch });
    expect(retried.status).toBe(200);
    expect(SubmitResponseSchema.parse(retried.json).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'stored', 'stored', 'stored']);
    const csv = await get(server, `/api/v1/forms/${DEFAULT_FORM_ID}/submissions.csv`, server.coordinatorToken);
    expect(csv.status).toBe(200);
    for (const submission of batch) expect(csv.text).toContain(submission.id);
  });

  it('answers 503 rather than hang when the database holds the table locked past the statement timeout', async () => {
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE submissions IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const refused = await postSubmissions(server, { submissions: makeSubmissions(3) });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(Date.now() - started).toBeLessThan(STATEMENT_TIMEOUT_MS + 1_500);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect((await postSubmissions(server, { submissions: makeSubmissions(3) })).status).toBe(200);
  });

  it('refuses to start, quickly and by name, while the database is down', async () => {
    const dataDir = makeTempDir();
    cluster.stopServer();
    try {
      const started = Date.now();
      const starting = startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: url });
      await expect(starting).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
    } finally {
      cluster.startServer();
      removeDir(dataDir);
    }
  });
});

it.each([
  ['postgres://fieldbook:secret@db.example.org:5432/fieldbook', true],
  ['postgresql://localhost/fieldbook', true],
  ['', false],
])('DATABASE_URL=%j is taken: %s', (value, taken) => {
  expect(readConfig({ DATABASE_URL: value }).databaseUrl).toBe(taken ? value : undefined);
});

it('refuses a DATABASE_URL that is not PostgreSQL, without repeating it (it may hold a password)', () => {
  expect(() => readConfig({ DATABASE_URL: 'mysql://root:hunter2@db/fieldbook' })).toThrow(/must be a postgres:\/\//);
  expect(() => readConfig({ DATABASE_URL: 'mysql://root:hunter2@db/fieldbook' })).not.toThrow(/hunter2/);
});
