// Two devices (or a retrying device) sending overlapping batches at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmitResponseSchema, type SubmissionResult } from '../../src/sync/api';
import { makeSubmissions } from '../fixtures/submissions';
import { postSubmissions, startTestServer, type TestServer } from '../helpers/server';
import { compareIds, serverIds } from '../helpers/server-ids';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function sendAll(list: readonly unknown[][]): Promise<SubmissionResult[]> {
  const answers = await Promise.all(list.map((submissions) => postSubmissions(server, { submissions })));
  return answers.flatMap((a) => {
    expect(a.status).toBe(200);
    return SubmitResponseSchema.parse(a.json).results;
  });
}

describe('concurrent overlapping batches', () => {
  it('stores each id exactly once, and says "stored" for it exactly once', async () => {
    const all = makeSubmissions(600);
    // Client A sends 0..399, client B sends 200..599, in batches of 50, all requests in flight together.
    const a = batches(all.slice(0, 400), 50);
    const b = batches(all.slice(200), 50);
    const interleaved = a.flatMap((batch, i) => [batch, b[i] ?? []]);
    const results = await sendAll(interleaved);

    expect(results).toHaveLength(800);
    expect(results.every((r) => r.status === 'stored' || r.status === 'duplicate')).toBe(true);
    const storedIds = results.filter((r) => r.status === 'stored').map((r) => r.id);
    expect(new Set(storedIds).size).toBe(storedIds.length);
    expect(storedIds).toHaveLength(600);
    expect(compareIds(server.dataDir, all.map((s) => s.id))).toEqual([]);
  });

  it('keeps the first of two conflicting versions sent at once and rejects the other', async () => {
    const [s] = makeSubmissions(1);
    if (!s) throw new Error('no fixture');
    const rival = { ...s, answers: { ...s.answers, workshop_name: 'Rival' } };
    const results = await sendAll([[s], [rival], [s], [rival]]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 'stored')).toHaveLength(1);
    expect(statuses.filter((x) => x === 'rejected')).toHaveLength(2);
    expect(statuses.filter((x) => x === 'duplicate')).toHaveLength(1);
    expect(serverIds(server.dataDir).get(s.id)).toBe(1);
  });
});
