// The device's export code and the server's, over the same submissions: byte-identical CSV, the
// same results; and a device's bundle into the server through the sync ingest, once.
import 'fake-indexeddb/auto';
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeBundle } from '../../src/export/bundle';
import { exportBundle } from '../../src/export/device-bundle';
import { exportFormCsv } from '../../src/export/device-csv';
import { findForm } from '../../src/forms';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { localResults } from '../../src/results/local';
import { FormResultsSchema } from '../../src/results/schema';
import { finalizedPages } from '../../src/storage/pages';
import { SubmitResponseSchema } from '../../src/sync/api';
import { toWire } from '../../src/sync/outbox';
import { variedSubmissions } from '../fixtures/varied-submissions';
import { storeDraft, storeFinalized } from '../helpers/local-records';
import { resetStorage } from '../helpers/reset-storage';
import { get, postSubmissions, readAnswer, startTestServer, type TestServer } from '../helpers/server';

const form = findForm('project-questionnaire') as Form;
const statuses = ['queued', 'synced', 'rejected'] as const;

/** Everything this device would export, in its export order (completion time, then id). */
async function deviceOrder(formId: string): Promise<Submission[]> {
  const out: Submission[] = [];
  for await (const page of finalizedPages(formId)) out.push(...page.map(toWire));
  return out;
}

async function postBundle(server: TestServer, body: string, token = server.coordinatorToken) {
  const response = await fetch(`${server.url}/api/v1/bundles`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body });
  return readAnswer(response);
}

describe('the same submissions on a device and on the server', () => {
  let server: TestServer;
  beforeAll(async () => {
    await resetStorage();
    server = await startTestServer();
    // Hard texts, negative-free numbers, every sex, multi subsets; a draft the device must leave out.
    await storeFinalized(variedSubmissions(form, 700, 31, 'device-1'), (i) => statuses[i % 3]!);
    await storeDraft(variedSubmissions(form, 1, 32)[0]!);
    const sent = await deviceOrder(form.id);
    for (let i = 0; i < sent.length; i += 250) {
      const answer = await postSubmissions(server, { submissions: sent.slice(i, i + 250) });
      expect(answer.status).toBe(200);
    }
    expect(server.count(form.id)).toBe(700);
  });
  afterAll(async () => server?.stop());

  it.each([
    ['codes', false, ''],
    ['labels', true, '?labels=1'],
  ])('CSV with %s is byte for byte the same', async (_what, labels, query) => {
    const response = await fetch(`${server.url}/api/v1/forms/${form.id}/submissions.csv${query}`, { headers: { Authorization: `Bearer ${server.coordinatorToken}` } });
    expect(response.status).toBe(200);
    const fromServer = Buffer.from(await response.arrayBuffer());
    const fromDevice = Buffer.from(await (await exportFormCsv(form, { labels })).arrayBuffer());
    expect([...fromDevice.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(fromDevice.length).toBeGreaterThan(100_000);
    expect(fromDevice.equals(fromServer)).toBe(true);
  });

  it('results are the same, and only the coordinator may read them', async () => {
    const answer = await get(server, `/api/v1/forms/${form.id}/results`, server.coordinatorToken);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(FormResultsSchema.parse(answer.json)).toEqual(await localResults(form));
    expect((await get(server, `/api/v1/forms/${form.id}/results`, server.deviceToken)).status).toBe(403);
    expect((await get(server, `/api/v1/forms/${form.id}/results`)).status).toBe(401);
    expect((await get(server, '/api/v1/forms/no-such-form/results', server.coordinatorToken)).status).toBe(404);
  });
});

describe('POST /api/v1/bundles', () => {
  let server: TestServer;
  let bundle: string;
  let ids: string[];
  beforeEach(async () => {
    await resetStorage();
    server = await startTestServer();
    const submissions = [...variedSubmissions(form, 40, 51, 'offline-1'), ...variedSubmissions(findForm('gfp-constraints') as Form, 25, 52, 'offline-1')];
    await storeFinalized(submissions, (i) => statuses[i % 3]!);
    ids = submissions.map((s) => s.id);
    bundle = await (await exportBundle('all', 'offline-1')).blob.text();
  });
  afterEach(async () => server?.stop());

  const statusesOf = (json: unknown) => SubmitResponseSchema.parse(json).results.map((r) => r.status);

  it('stores every submission once, answering as sync does; the same file again is all duplicates', async () => {
    const first = await postBundle(server, bundle);
    expect(first.status).toBe(200);
    expect(SubmitResponseSchema.parse(first.json).results.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(statusesOf(first.json).every((s) => s === 'stored')).toBe(true);
    const again = await postBundle(server, bundle);
    expect(statusesOf(again.json).every((s) => s === 'duplicate')).toBe(true);
    expect(server.count()).toBe(ids.length);
  });

  it('judges each submission inside a sound bundle as sync would: a bad one rejected, the rest stored', async () => {
    const parsed = JSON.parse(bundle) as { submissions: Submission[]; deviceId: string; createdAt: string };
    parsed.submissions[0] = { ...parsed.submissions[0]!, answers: { ...parsed.submissions[0]!.answers, sex: 'robot' } };
    const answer = await postBundle(server, JSON.stringify(await makeBundle(parsed.deviceId, parsed.submissions, parsed.createdAt)));
    const results = SubmitResponseSchema.parse(answer.json).results;
    expect(results[0]).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ path: 'answers.sex' })] });
    expect(results.slice(1).every((r) => r.status === 'stored')).toBe(true);
    expect(server.count()).toBe(ids.length - 1);
  });

  it.each<[string, (text: string) => string, RegExp]>([
    ['a changed answer', (t) => t.replace('"sex":"female"', '"sex":"male"'), /checksum/],
    ['a truncated file', (t) => t.slice(0, t.length / 2), /not valid JSON/],
    ['another format', (t) => t.replace('"format":"fieldbook-bundle"', '"format":"other"'), /not a Fieldbook bundle/],
    ['a sync batch sent here by mistake', (t) => JSON.stringify({ submissions: JSON.parse(t).submissions }), /not a Fieldbook bundle/],
  ])('refuses %s with a 400 and stores nothing', async (_what, damage, reason) => {
    const answer = await postBundle(server, damage(bundle));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: { code: expect.any(String), message: expect.stringMatching(reason) } });
    expect(server.count()).toBe(0);
  });

  it('is for the coordinator only', async () => {
    expect((await postBundle(server, bundle, server.deviceToken)).status).toBe(403);
    expect((await postBundle(server, bundle, 'not-a-token-at-all-0000')).status).toBe(401);
    expect(server.count()).toBe(0);
  });

  it('takes more than a sync batch may (5 MB) but refuses over 50 MB before reading it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const out = request(`${server.url}/api/v1/bundles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.coordinatorToken}`, 'Content-Type': 'application/json', 'Content-Length': String(51 * 1024 * 1024) },
      });
      out.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      out.on('error', reject);
      out.flushHeaders();
    });
    expect(status).toBe(413);

    // About 6 MB of valid responses (long answers to a long-text question) in one bundle.
    const base = JSON.parse(bundle) as { submissions: Submission[]; deviceId: string; createdAt: string };
    const long = base.submissions.filter((s) => s.formId === form.id);
    const large = Array.from({ length: 650 }, (_, i) => {
      const s = long[i % long.length]!;
      return { ...s, id: `0000ffff-0000-4000-8000-${String(i).padStart(12, '0')}`, answers: { ...s.answers, constraints_encountered: `${i} ${'é'.repeat(4_500)}` } };
    });
    const body = JSON.stringify(await makeBundle(base.deviceId, large, base.createdAt));
    expect(Buffer.byteLength(body)).toBeGreaterThan(5 * 1024 * 1024);
    const answer = await postBundle(server, body);
    expect(answer.status).toBe(200);
    expect(statusesOf(answer.json).filter((s) => s === 'stored')).toHaveLength(650);
  });
});
