// Two server processes' worth of servers on one PostgreSQL database, taking overlapping
// batches at the same time: exactly-once rests on the database, not on either process.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SubmitResponseSchema, type SubmissionResult } from '../../src/sync/api';
import { PublishedSchema } from '../../src/sync/forms-api';
import type { Submission } from '../../src/forms/submission';
import { DEFAULT_FORM_ID, makeSubmission, makeSubmissions } from '../fixtures/submissions';
import { DeviceListSchema } from '../../src/sync/devices-api';
import { parseCsv } from '../helpers/csv-parse';
import { api, codeOf, createDevice, enroll } from '../helpers/devices';
import { describeWithPostgres, startCluster, type TestCluster } from '../helpers/postgres';
import { get, postSubmissions, publishDefinition, startTestServer, type TestServer } from '../helpers/server';

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Sends every batch at once, each to its server; the results in the order sent. */
async function sendAll(sends: ReadonlyArray<[TestServer, readonly Submission[]]>): Promise<Array<[Submission, SubmissionResult]>> {
  const answers = await Promise.all(sends.map(([server, submissions]) => postSubmissions(server, { submissions })));
  return answers.flatMap((answer, i) => {
    expect(answer.status).toBe(200);
    const results = SubmitResponseSchema.parse(answer.json).results;
    const sent = sends[i]?.[1] ?? [];
    expect(results.map((r) => r.id)).toEqual(sent.map((s) => s.id));
    return results.map((result, j): [Submission, SubmissionResult] => [sent[j]!, result]);
  });
}

describeWithPostgres('two servers on one PostgreSQL database', () => {
  let cluster: TestCluster;
  let db: pg.Client;
  let a: TestServer;
  let b: TestServer;
  let databaseUrl: string;
  beforeAll(async () => {
    cluster = await startCluster();
    databaseUrl = await cluster.createDatabase();
    // Both start at once: the schema is made once, under the advisory lock.
    const tokens = { deviceToken: 'device-token-shared-by-both-servers', coordinatorToken: 'coordinator-token-shared-by-both-servers' };
    [a, b] = await Promise.all([startTestServer({ databaseUrl, ...tokens }), startTestServer({ databaseUrl, ...tokens })]);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    cluster?.destroy();
  });

  const all = makeSubmissions(600);

  it('overlapping batches through both at once: every id stored once, and "stored" said once', async () => {
    // A takes 0..399, B takes 200..599, in batches of 50, every request in flight together;
    // B's batches run backwards so the overlap meets in both orders.
    const toA = batches(all.slice(0, 400), 50).map((batch): [TestServer, Submission[]] => [a, batch]);
    const toB = batches(all.slice(200), 50).map((batch): [TestServer, Submission[]] => [b, [...batch].reverse()]);
    const results = await sendAll(toA.flatMap((send, i) => [send, toB[i] ?? [b, []]]));

    expect(results).toHaveLength(800);
    expect(results.filter(([, r]) => r.status === 'stored').map(([s]) => s.id).sort()).toEqual(all.map((s) => s.id).sort());
    expect(results.filter(([, r]) => r.status === 'duplicate')).toHaveLength(200);
    const { rows } = await db.query<{ n: string; ids: string }>('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM submissions');
    expect(rows[0]).toEqual({ n: '600', ids: '600' });
  });

  it('other content under stored ids is rejected through either server, and the stored rows stay as they were', async () => {
    const ids = all.slice(190, 210).map((s) => s.id);
    const before = await db.query<{ id: string; content_hash: string; json: string }>('SELECT id, content_hash, json FROM submissions WHERE id = ANY($1) ORDER BY id', [ids]);
    const forged = all.slice(190, 210).map((s) => makeSubmission(DEFAULT_FORM_ID, { id: s.id, answers: { comments: 'Not what was sent first' } }));
    const results = await sendAll([
      [a, forged.slice(0, 10)],
      [b, forged.slice(10)],
      [b, all.slice(190, 200)],
      [a, all.slice(200, 210)],
    ]);
    const statusOf = (submission: Submission, list = results) => list.find(([s]) => s === submission)?.[1];
    for (const submission of forged) {
      expect(statusOf(submission)?.status).toBe('rejected');
      expect(statusOf(submission)?.errors?.[0]?.path).toBe('id');
    }
    for (const submission of all.slice(190, 210)) expect(statusOf(submission)?.status).toBe('duplicate');
    const after = await db.query('SELECT id, content_hash, json FROM submissions WHERE id = ANY($1) ORDER BY id', [ids]);
    expect(after.rows).toEqual(before.rows);
    expect(before.rows).toHaveLength(20);
  });

  /** A small form of our own, published through `server` by the coordinator. */
  async function publish(server: TestServer, id: string, questionIds: readonly string[]) {
    const form = {
      id,
      title: { en: 'Shared form' },
      sections: [{ id: 'main', title: 'Main', questions: questionIds.map((q) => ({ id: q, type: 'text', label: q })) }],
    };
    return publishDefinition(server, form);
  }

  it('the form catalog and its ETag come from the database: what one server publishes or closes, the other serves', async () => {
    const before = await get(b, '/api/v1/forms');
    const published = await Promise.all([publish(a, 'shared-form', ['q1']), publish(b, 'shared-form', ['q1', 'q2'])]);
    expect(published.map((p) => p.status)).toEqual([201, 201]);
    expect(published.map((p) => PublishedSchema.parse(p.json).form.version).sort()).toEqual([1, 2]);

    const [fromA, fromB] = [await get(a, '/api/v1/forms'), await get(b, '/api/v1/forms')];
    expect(fromB.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(fromA.headers.get('etag')).toBe(fromB.headers.get('etag'));
    expect(fromA.text).toBe(fromB.text);
    expect((fromB.json as { forms: Array<{ id: string; version: number }> }).forms.find((f) => f.id === 'shared-form')?.version).toBe(2);

    const closed = await fetch(`${b.url}/api/v1/forms/shared-form`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${b.coordinatorToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ state: 'closed' }),
    });
    expect(closed.status).toBe(200);
    expect(((await get(a, '/api/v1/forms')).json as { states: Record<string, string> }).states['shared-form']).toBe('closed');
  });

  it('either server exports every row once', async () => {
    for (const server of [a, b]) {
      const csv = await get(server, `/api/v1/forms/${DEFAULT_FORM_ID}/submissions.csv`, server.coordinatorToken);
      expect(csv.status).toBe(200);
      const [, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
      expect(rows.map((row) => row[0]).sort()).toEqual(all.map((s) => s.id).sort());
    }
  });

  it('devices live in the database: made on one server or by npm run enroll, enrolled on the other, revoked anywhere', async () => {
    const created = await createDevice(a, 'Made on A');
    expect(created.status).toBe(201);
    const code = codeOf((created.json as { enrollUrl: string }).enrollUrl);
    const [first, second] = await Promise.all([enroll(b, code), enroll(a, code)]);
    expect([first.status, second.status].sort()).toEqual([200, 410]);
    const { device, token } = (first.status === 200 ? first : second).json as { device: { id: string }; token: string };
    expect((await postSubmissions(a, { submissions: makeSubmissions(2) }, { token })).status).toBe(200);

    const run = promisify(execFile);
    const { stdout } = await run('npm', ['run', '--silent', 'enroll', '--', '--label', 'Made by the command'], {
      env: { ...process.env, DATA_DIR: a.dataDir, DATABASE_URL: databaseUrl },
    });
    expect((await enroll(b, codeOf(/(https?:\/\/\S+#enroll=\S+)/.exec(stdout)?.[1] ?? ''))).status).toBe(200);

    const listed = DeviceListSchema.parse((await api(b, 'GET', '/devices', { token: b.coordinatorToken })).json).devices;
    expect(listed.filter((d) => d.kind === 'device').map((d) => d.label).sort()).toEqual(['Made by the command', 'Made on A']);
    expect(listed.find((d) => d.id === device.id)?.submissionsStored).toBe(2);

    expect((await api(b, 'DELETE', `/devices/${device.id}`, { token: b.coordinatorToken })).status).toBe(200);
    expect((await postSubmissions(a, { submissions: makeSubmissions(1) }, { token })).status).toBe(401);
  }, 60_000);
});
