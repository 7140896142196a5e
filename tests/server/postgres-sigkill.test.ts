// One of two server processes on one PostgreSQL database is killed (SIGKILL) in the middle
// of ingesting; the device sends what went unanswered to the other: every submission is
// stored exactly once, none lost, and the killed process's open transactions left nothing behind.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SubmitResponseSchema, type SubmissionResult } from '../../src/sync/api';
import type { Submission } from '../../src/forms/submission';
import { makeSubmissions } from '../fixtures/submissions';
import { describeWithPostgres, startCluster, type TestCluster } from '../helpers/postgres';
import { makeTempDir, removeDir } from '../helpers/server';
import { spawnServerProcess, type ServerProcess } from '../helpers/server-process';

const DEVICE_TOKEN = 'device-token-for-the-sigkill-test';
const BATCHES = 24;
const BATCH_SIZE = 500;

/** Posts a batch; undefined when the connection died before an answer (what a device sees as "offline"). */
async function post(url: string, submissions: readonly Submission[]): Promise<SubmissionResult[] | undefined> {
  try {
    const response = await fetch(`${url}/api/v1/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${DEVICE_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions }),
    });
    if (response.status !== 200) return undefined;
    return SubmitResponseSchema.parse(await response.json()).results;
  } catch {
    return undefined;
  }
}

describeWithPostgres('SIGKILL of one server mid-ingest', () => {
  let cluster: TestCluster;
  let db: pg.Client;
  const dirs: string[] = [];
  const processes: ServerProcess[] = [];
  let env: Record<string, string>;
  beforeAll(async () => {
    cluster = await startCluster();
    const databaseUrl = await cluster.createDatabase();
    env = { DATABASE_URL: databaseUrl, FIELDBOOK_DEVICE_TOKEN: DEVICE_TOKEN, FIELDBOOK_COORDINATOR_TOKEN: 'coordinator-token-for-the-sigkill-test' };
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await db?.end();
    cluster?.destroy();
    for (const dir of dirs) removeDir(dir);
  });

  const start = (): ServerProcess => {
    const dir = makeTempDir();
    dirs.push(dir);
    const p = spawnServerProcess({ ...env, DATA_DIR: dir });
    processes.push(p);
    return p;
  };

  const count = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM submissions')).rows[0]?.n);

  it('every submission ends up stored once; nothing half-written remains', async () => {
    const [doomed, survivor] = [start(), start()];
    const [doomedUrl, survivorUrl] = await Promise.all([doomed.listening, survivor.listening]);
    const all = makeSubmissions(BATCHES * BATCH_SIZE);
    const batches = Array.from({ length: BATCHES }, (_, i) => all.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE));

    // A rival transaction holds the last id of a few batches, so those stop mid-transaction
    // (their other rows written, uncommitted) while the rest commit.
    const held = [3, 11, 19].map((i) => batches[i]!.at(-1)!);
    const rival = new pg.Client({ connectionString: env.DATABASE_URL });
    await rival.connect();
    await rival.query('BEGIN');
    for (const s of held) {
      await rival.query(
        "INSERT INTO submissions (id, form_id, form_version, device_id, received_at, content_hash, json) VALUES ($1, 'x', 1, 'x', now(), 'x', 'x')",
        [s.id],
      );
    }
    const firstTry = batches.map((batch) => post(doomedUrl, batch));
    for (let waiting = 0; waiting < held.length; ) {
      await rival.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await rival.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'fieldbook' AND wait_event_type = 'Lock'");
      waiting = Number(rows[0]?.n);
    }
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBeNull();
    await rival.query('ROLLBACK');
    await rival.end();

    const answers = await Promise.all(firstTry);
    const unanswered = batches.filter((_, i) => answers[i] === undefined);
    expect(unanswered.length).toBeGreaterThanOrEqual(held.length);
    // Batches are kept whole or not at all: the ones cut short left none of their rows.
    expect((await count()) % BATCH_SIZE).toBe(0);
    expect(await count()).toBeLessThanOrEqual(all.length - held.length * BATCH_SIZE);

    // The device sends the unanswered batches again, this time through the other server.
    const retries = await Promise.all(unanswered.map((batch) => post(survivorUrl, batch)));
    const results = [...answers, ...retries].flatMap((r) => r ?? []);
    expect(retries.every((r) => r !== undefined)).toBe(true);
    expect(results.every((r) => r.status === 'stored' || r.status === 'duplicate')).toBe(true);
    const storedIds = results.filter((r) => r.status === 'stored').map((r) => r.id);
    expect(new Set(storedIds).size).toBe(storedIds.length);

    const { rows } = await db.query<{ n: string; ids: string }>('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM submissions');
    expect(rows[0]).toEqual({ n: String(all.length), ids: String(all.length) });
    // The killed process's connections are gone, with their transactions.
    const sessions = await db.query("SELECT 1 FROM pg_stat_activity WHERE application_name = 'fieldbook' AND state = 'idle in transaction'");
    expect(sessions.rows).toEqual([]);
  }, 120_000);
});
