// POST /api/v1/submissions against a real server and SQLite file, status by status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../server/store/sqlite';
import { ApiErrorSchema, MAX_BATCH_BYTES, MAX_BATCH_SUBMISSIONS, SubmitResponseSchema } from '../../src/sync/api';
import { makeSubmission, makeSubmissions } from '../fixtures/submissions';
import { postSubmissions, readAnswer, startTestServer, type Answer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

function results(answer: Answer) {
  expect(answer.status).toBe(200);
  return SubmitResponseSchema.parse(answer.json).results;
}

function storedJson(id: string): unknown {
  const db = new Database(join(server.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const row = db.prepare('SELECT json FROM submissions WHERE id = ?').get(id) as { json: string } | undefined;
    return row && JSON.parse(row.json);
  } finally {
    db.close();
  }
}

describe('200: one result per submission, in order', () => {
  it('stores a valid submission of every built-in form', async () => {
    const batch = ['project-questionnaire', 'gender-sensitivity', 'workshop-feedback', 'gfp-constraints'].map((id) =>
      makeSubmission(id, { answerAll: true }),
    );
    const before = server.count();
    const answer = await postSubmissions(server, { submissions: batch });
    expect(results(answer)).toEqual(batch.map((s) => ({ id: s.id, status: 'stored' })));
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // Committed before the answer was sent: another connection already sees the rows.
    expect(server.count()).toBe(before + batch.length);
    expect(storedJson(batch[0]!.id)).toEqual(batch[0]);
  });

  it('answers a retry with duplicate and stores nothing more', async () => {
    const batch = makeSubmissions(3);
    await postSubmissions(server, { submissions: batch });
    const before = server.count();
    const reordered = batch.map((s) => ({ meta: s.meta, answers: s.answers, formVersion: s.formVersion, formId: s.formId, id: s.id }));
    expect(results(await postSubmissions(server, { submissions: reordered })).map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(server.count()).toBe(before);
  });

  it('rejects the same id with other content and leaves the stored row untouched', async () => {
    const first = makeSubmission();
    await postSubmissions(server, { submissions: [first] });
    const changed = { ...first, meta: { ...first.meta, enumerator: 'Someone else' } };
    const [result] = results(await postSubmissions(server, { submissions: [changed] }));
    expect(result).toMatchObject({ id: first.id, status: 'rejected', errors: [{ path: 'id' }] });
    expect(storedJson(first.id)).toEqual(first);
  });

  it('keeps the order of a mixed batch and stores only its valid submissions', async () => {
    const good = makeSubmissions(2);
    const bad = { ...makeSubmission(), formId: 'no-such-form' };
    const before = server.count();
    const out = results(await postSubmissions(server, { submissions: [good[0], bad, good[1]] }));
    expect(out.map((r) => [r.id, r.status])).toEqual([
      [good[0]!.id, 'stored'],
      [bad.id, 'rejected'],
      [good[1]!.id, 'stored'],
    ]);
    expect(out[1]!.errors).toEqual([{ path: 'formId', message: expect.stringContaining('no-such-form') }]);
    expect(server.count()).toBe(before + 2);
  });

  it('treats an id repeated within one batch like a retry or a conflict', async () => {
    const s = makeSubmission();
    const other = { ...s, answers: { ...s.answers, workshop_name: 'Another workshop' } };
    const out = results(await postSubmissions(server, { submissions: [s, s, other] }));
    expect(out.map((r) => r.status)).toEqual(['stored', 'duplicate', 'rejected']);
    expect(storedJson(s.id)).toEqual(s);
  });

  it('accepts an empty batch and a full batch of 500', async () => {
    expect(results(await postSubmissions(server, { submissions: [] }))).toEqual([]);
    const before = server.count();
    const full = makeSubmissions(MAX_BATCH_SUBMISSIONS);
    const out = results(await postSubmissions(server, { submissions: full }));
    expect(out.every((r) => r.status === 'stored')).toBe(true);
    expect(server.count()).toBe(before + MAX_BATCH_SUBMISSIONS);
  });

  it('accepts the coordinator token too (e.g. importing a device file)', async () => {
    const out = results(await postSubmissions(server, { submissions: [makeSubmission()] }, { token: server.coordinatorToken }));
    expect(out[0]?.status).toBe('stored');
  });
});

type Send = (s: TestServer) => Promise<Answer>;
const valid = () => makeSubmission();
const withAnswers = (answers: Record<string, unknown>) => {
  const s = valid();
  return { ...s, answers: { ...s.answers, ...answers } };
};
const post = (body: unknown, options?: Parameters<typeof postSubmissions>[2]): Send => (s) => postSubmissions(s, body, options);
const one = (submission: unknown): Send => post({ submissions: [submission] });
/** Any request, sent with the device token and a JSON content type. */
const raw = (path: string, init: RequestInit): Send => async (s) => {
  const headers = { Authorization: `Bearer ${s.deviceToken}`, 'Content-Type': 'application/json' };
  return readAnswer(await fetch(`${s.url}${path}`, { ...init, headers }));
};

/** A GET with the device's, the coordinator's, or no token. */
const getAs = (path: string, who: 'device' | 'coordinator' | 'nobody'): Send => async (s) => {
  const token = who === 'device' ? s.deviceToken : who === 'coordinator' ? s.coordinatorToken : undefined;
  return readAnswer(await fetch(`${s.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {}));
};
const basicAuth: Send = async (s) =>
  readAnswer(
    await fetch(`${s.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`device:${s.deviceToken}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ submissions: [valid()] }),
    }),
  );

/** [what, request, expected status, expected error code — or 'rejected' for a 200 with a rejected result] */
const BAD_INPUTS: [string, Send, number, string][] = [
  ['malformed JSON', post('{"submissions": ['), 400, 'invalid_json'],
  ['empty body', post(''), 400, 'invalid_json'],
  ['trailing garbage after JSON', post('{"submissions": []} x'), 400, 'invalid_json'],
  ['body not UTF-8', raw('/api/v1/submissions', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400, 'invalid_json'],
  ['JSON null', post('null'), 400, 'bad_request'],
  ['JSON array at the top', post([valid()]), 400, 'bad_request'],
  ['JSON string at the top', post('"hello"'), 400, 'bad_request'],
  ['no submissions key', post({}), 400, 'bad_request'],
  ['submissions is an object', post({ submissions: { 0: valid() } }), 400, 'bad_request'],
  ['submissions is a string', post({ submissions: 'many' }), 400, 'bad_request'],
  ['extra top-level field', post({ submissions: [valid()], device: 'x' }), 400, 'bad_request'],
  ['no token', post({ submissions: [valid()] }, { token: null }), 401, 'unauthorized'],
  ['wrong token', post({ submissions: [valid()] }, { token: 'not-the-token-at-all' }), 401, 'unauthorized'],
  ['empty bearer', post({ submissions: [valid()] }, { token: '' }), 401, 'unauthorized'],
  ['Basic instead of Bearer', basicAuth, 401, 'unauthorized'],
  ['export with a device token', getAs('/api/v1/forms/workshop-feedback/submissions.csv', 'device'), 403, 'forbidden'],
  ['export with no token', getAs('/api/v1/forms/workshop-feedback/submissions.csv', 'nobody'), 401, 'unauthorized'],
  ['export of an unknown form', getAs('/api/v1/forms/staff-satisfaction/submissions.csv', 'coordinator'), 404, 'not_found'],
  ['text/plain', post({ submissions: [valid()] }, { contentType: 'text/plain' }), 415, 'unsupported_media_type'],
  ['no content type', post({ submissions: [valid()] }, { contentType: null }), 415, 'unsupported_media_type'],
  ['form-urlencoded', post('submissions=1', { contentType: 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type'],
  ['JSON in Latin-1', post({ submissions: [valid()] }, { contentType: 'application/json; charset=iso-8859-1' }), 415, 'unsupported_media_type'],
  ['body over 5 MB', post(`{"submissions": [], "pad": "${'x'.repeat(MAX_BATCH_BYTES)}"}`), 413, 'payload_too_large'],
  ['501 submissions', post({ submissions: Array.from({ length: MAX_BATCH_SUBMISSIONS + 1 }, valid) }), 413, 'too_many_submissions'],
  ['GET on submissions', raw('/api/v1/submissions', {}), 405, 'method_not_allowed'],
  ['PUT on submissions', raw('/api/v1/submissions', { method: 'PUT', body: '{}' }), 405, 'method_not_allowed'],
  ['unknown API route', raw('/api/v1/nothing', { method: 'POST', body: '{}' }), 404, 'not_found'],
  ['submission is a number', one(42), 200, 'rejected'],
  ['submission is null', one(null), 200, 'rejected'],
  ['id not a UUID', one({ ...valid(), id: 'submission-1' }), 200, 'rejected'],
  ['id missing', one({ ...valid(), id: undefined }), 200, 'rejected'],
  ['formVersion as a string', one({ ...valid(), formVersion: '1' }), 200, 'rejected'],
  ['unknown form', one({ ...valid(), formId: 'staff-satisfaction' }), 200, 'rejected'],
  ['unknown form version', one({ ...valid(), formVersion: 2 }), 200, 'rejected'],
  ['extra field on the submission', one({ ...valid(), status: 'queued' }), 200, 'rejected'],
  ['extra field in meta', one({ ...valid(), meta: { ...valid().meta, ip: '10.0.0.1' } }), 200, 'rejected'],
  ['meta missing', one({ ...valid(), meta: undefined }), 200, 'rejected'],
  ['answers missing', one({ ...valid(), answers: undefined }), 200, 'rejected'],
  ['enumerator too long', one({ ...valid(), meta: { ...valid().meta, enumerator: 'x'.repeat(201) } }), 200, 'rejected'],
  ['completedAt not ISO 8601', one({ ...valid(), meta: { ...valid().meta, completedAt: '14/05/2024' } }), 200, 'rejected'],
  ['required answer missing', one(withAnswers({ sex: undefined })), 200, 'rejected'],
  ['required text empty', one(withAnswers({ workshop_name: '' })), 200, 'rejected'],
  ['text over its max', one(withAnswers({ workshop_name: 'x'.repeat(201) })), 200, 'rejected'],
  ['longtext over 10,000 chars', one(withAnswers({ comments: 'x'.repeat(10_001) })), 200, 'rejected'],
  ['unknown question', one(withAnswers({ salary: 1000 })), 200, 'rejected'],
  ['__proto__ as a question', one({ ...valid(), answers: JSON.parse('{"__proto__": "x", "sex": "female"}') }), 200, 'rejected'],
  ['option not in the list', one(withAnswers({ sex: 'f' })), 200, 'rejected'],
  ['likert as a string', one(withAnswers({ aim_gender_sensitivity: '4' })), 200, 'rejected'],
  ['likert out of range', one(withAnswers({ aim_gender_sensitivity: 0 })), 200, 'rejected'],
  ['yesno as a boolean', one(withAnswers({ training_yearly: true })), 200, 'rejected'],
  ['multi with a repeated option', one(withAnswers({ future_topics: ['hiv_aids', 'hiv_aids'] })), 200, 'rejected'],
  ['multi with an unknown option', one(withAnswers({ future_topics: ['astrology'] })), 200, 'rejected'],
  ['answer as an object', one(withAnswers({ workshop_place: { en: 'Cairo' } })), 200, 'rejected'],
  ['impossible date', one(withAnswers({ workshop_date: '2024-13-01' })), 200, 'rejected'],
  ['answer to an irrelevant question', one(withAnswers({ role: 'staff', role_other: 'Consultant' })), 200, 'rejected'],
];

describe('bad inputs: the right status, nothing stored', () => {
  it('has at least 30 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_INPUTS)('%s → %i %s', async (_what, send, status, code) => {
    const before = server.count();
    const answer = await send(server);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    if (code === 'rejected') {
      const [result, ...rest] = results(answer);
      expect(rest).toEqual([]);
      expect(result?.status).toBe('rejected');
      expect(result?.errors?.length).toBeGreaterThan(0);
    } else {
      expect(ApiErrorSchema.parse(answer.json).error.code).toBe(code);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    expect(server.count()).toBe(before);
  });
});
