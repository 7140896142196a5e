// The form registry over HTTP (PRODUCT.md section 7): publishing, versions kept, states, and
// submissions, CSV and results across versions, against a real server and SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForm } from '../../src/forms/index';
import type { Form, FormInput } from '../../src/forms/schema';
import { FormSummarySchema, PublishedSchema, RefusedSchema } from '../../src/sync/forms-api';
import { makeSubmission } from '../fixtures/submissions';
import { parseCsv } from '../helpers/csv-parse';
import { get, postSubmissions, readAnswer, startTestServer, type TestServer } from '../helpers/server';

const workshop = findForm('workshop-feedback') as Form;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function publish(body: unknown, options: { token?: string | null; contentType?: string; query?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': options.contentType ?? 'application/json' };
  const token = options.token === undefined ? server.coordinatorToken : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}/api/v1/forms${options.query ?? ''}`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return readAnswer(response);
}

async function patchState(formId: string, state: string) {
  const response = await fetch(`${server.url}/api/v1/forms/${formId}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${server.coordinatorToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ state }),
  });
  return readAnswer(response);
}

/** A small form with an id of its own, so tests do not share versions. */
function smallForm(id: string, extra: FormInput['sections'][number]['questions'] = []): Omit<FormInput, 'version'> {
  return {
    id,
    title: { en: 'Small form', fr: 'Petit formulaire' },
    sections: [
      {
        id: 'main',
        title: 'Main',
        questions: [
          { id: 'name', type: 'text', label: 'Name' },
          { id: 'sex', type: 'single', label: 'Sex', options: ['female', 'male', 'other', 'prefer_not_to_say'].map((o) => ({ id: o, label: o })) },
          { id: 'topics', type: 'multi', label: 'Topics', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
          ...extra,
        ],
      },
    ],
  };
}

function submissionOf(formId: string, version: number, answers: Record<string, string | number | string[]>) {
  const s = makeSubmission('workshop-feedback', { formVersion: version });
  return { ...s, formId, answers };
}

describe('publishing', () => {
  it('publishes a new form as version 1, then re-publishing the same content is 200 unchanged', async () => {
    const first = await publish(smallForm('pub-new'));
    expect(first.status).toBe(201);
    expect(PublishedSchema.parse(first.json)).toEqual({ form: { id: 'pub-new', version: 1, title: { en: 'Small form', fr: 'Petit formulaire' } }, warnings: [] });
    const again = await publish(smallForm('pub-new'));
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ form: { id: 'pub-new', version: 1 }, unchanged: true });
    const one = await get(server, '/api/v1/forms/pub-new/versions/1');
    expect(one.json).toMatchObject({ id: 'pub-new', version: 1 });
    expect((await get(server, '/api/v1/forms/pub-new/versions/2')).status).toBe(404);
  });

  it('refuses a type change with its problem, row by row, and publishes nothing', async () => {
    await publish(smallForm('pub-type'));
    const changed = smallForm('pub-type');
    changed.sections[0]!.questions[0] = { id: 'name', type: 'integer', label: 'Name' };
    const answer = await publish(changed);
    expect(answer.status).toBe(422);
    const refused = RefusedSchema.parse(answer.json);
    expect(refused.error.code).toBe('invalid_form');
    expect(refused.problems).toEqual([
      { sheet: null, row: null, column: 'sections[0].questions[0].type', message: expect.stringContaining('"name" was "text" in version 1 and cannot become "integer"') },
    ]);
    expect((await get(server, '/api/v1/forms/pub-type/versions/2')).status).toBe(404);
  });

  it('answers 409 to a version already taken, 422 to a bad definition, and needs the coordinator', async () => {
    await publish(smallForm('pub-clash'));
    expect((await publish({ ...smallForm('pub-clash', [{ id: 'x', type: 'text', label: 'X' }]), version: 1 })).status).toBe(409);
    expect((await publish({ id: 'pub-bad', title: 'T' })).status).toBe(422);
    expect((await publish(smallForm('pub-x'), { query: '?formId=other-id' })).json).toMatchObject({ problems: [{ column: 'id' }] });
    expect((await publish(smallForm('pub-auth'), { token: server.deviceToken })).status).toBe(403);
    expect((await publish(smallForm('pub-auth'), { token: null })).status).toBe(401);
    expect((await publish('a,b', { contentType: 'text/csv' })).status).toBe(415);
    expect((await publish('{', {})).status).toBe(400);
    const huge = JSON.stringify({ ...smallForm('pub-huge'), pad: 'x'.repeat(10 * 1024 * 1024) });
    expect((await publish(huge)).status).toBe(413);
    expect((await get(server, '/api/v1/forms/pub-auth/versions/1')).status).toBe(404);
  });

  it('gives concurrent publishes of one form distinct versions, never two rows for one version', async () => {
    await publish(smallForm('pub-race'));
    const variants = Array.from({ length: 6 }, (_, i) => smallForm('pub-race', [{ id: `q_${i}`, type: 'text', label: `Q${i}` }]));
    const answers = await Promise.all(variants.map((v) => publish(v)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
    const versions = answers.map((a) => PublishedSchema.parse(a.json).form.version).sort();
    expect(versions).toEqual([2, 3, 4, 5, 6, 7]);
    const summary = FormSummarySchema.parse((await get(server, '/api/v1/forms/pub-race', server.coordinatorToken)).json);
    expect(summary.versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the device catalog', () => {
  it('answers 304 to the ETag it gave until something changes', async () => {
    const first = await get(server, '/api/v1/forms');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const same = await fetch(`${server.url}/api/v1/forms`, { headers: { 'If-None-Match': etag! } });
    expect(same.status).toBe(304);
    await publish(smallForm('cat-new'));
    const changed = await fetch(`${server.url}/api/v1/forms`, { headers: { 'If-None-Match': etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const body = (await changed.json()) as { forms: { id: string }[]; states: Record<string, string> };
    expect(body.forms.map((f) => f.id)).toContain('cat-new');
    expect(body.states['cat-new']).toBe('open');
  });

  it('lists closing forms, leaves closed ones out but gives their state', async () => {
    await publish(smallForm('cat-state'));
    expect((await patchState('cat-state', 'closing')).status).toBe(200);
    let body = (await get(server, '/api/v1/forms')).json as { forms: { id: string }[]; states: Record<string, string> };
    expect(body.forms.map((f) => f.id)).toContain('cat-state');
    expect(body.states['cat-state']).toBe('closing');
    await patchState('cat-state', 'closed');
    body = (await get(server, '/api/v1/forms')).json as typeof body;
    expect(body.forms.map((f) => f.id)).not.toContain('cat-state');
    expect(body.states['cat-state']).toBe('closed');
    expect((await patchState('cat-state', 'archived')).status).toBe(400);
    expect((await patchState('no-such-form', 'open')).status).toBe(404);
  });
});

describe('submissions, CSV and results across versions', () => {
  it('stores v1 and v2 side by side, each checked against its own version', async () => {
    await publish(smallForm('ver-side'));
    expect((await publish(smallForm('ver-side', [{ id: 'added', type: 'yesno', label: 'Added in v2' }]))).status).toBe(201);
    const v1 = submissionOf('ver-side', 1, { name: 'Ana', sex: 'female', topics: ['a'] });
    const v2 = submissionOf('ver-side', 2, { name: 'Ben', sex: 'male', added: 'yes', topics: ['b'] });
    const v1WithV2Question = submissionOf('ver-side', 1, { name: 'Cy', added: 'no' });
    const v3 = submissionOf('ver-side', 3, { name: 'Di' });
    const answer = await postSubmissions(server, { submissions: [v1, v2, v1WithV2Question, v3] });
    const results = (answer.json as { results: { status: string; errors?: { path?: string; message: string }[] }[] }).results;
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'rejected', 'rejected']);
    expect(results[3]!.errors).toEqual([{ path: 'formVersion', message: 'Form "ver-side" has no version 3 known here.' }]);

    const csv = await get(server, '/api/v1/forms/ver-side/submissions.csv', server.coordinatorToken);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(7)).toEqual(['name', 'sex', 'topics/a', 'topics/b', 'added']);
    expect(rows.slice(1).map((r) => [r[2], ...r.slice(7)])).toEqual([
      ['1', 'Ana', 'female', '1', '0', ''],
      ['2', 'Ben', 'male', '0', '1', 'yes'],
    ]);

    const summary = FormSummarySchema.parse((await get(server, '/api/v1/forms/ver-side', server.coordinatorToken)).json);
    expect(summary.versions.map((v) => [v.version, v.responses])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    const results2 = (await get(server, '/api/v1/forms/ver-side/results', server.coordinatorToken)).json as { total: number; questions: { questionId: string; covers?: number }[] };
    expect(results2.total).toBe(2);
    expect(results2.questions.find((q) => q.questionId === 'added')).toMatchObject({ covers: 1 });
    expect(results2.questions.find((q) => q.questionId === 'topics')?.covers).toBeUndefined();
  });

  it('puts columns only older versions had after the latest ones, with labels from each row’s version', async () => {
    await publish(smallForm('ver-cols', [{ id: 'old_q', type: 'text', label: 'Old' }]));
    const v2 = smallForm('ver-cols');
    v2.sections[0]!.questions[2] = { id: 'topics', type: 'multi', label: 'Topics', options: [{ id: 'b', label: 'B (v2)' }, { id: 'c', label: 'C' }] };
    v2.sections[0]!.questions.unshift({ id: 'first', type: 'single', label: 'First', options: [{ id: 'x', label: 'X v2' }] });
    expect((await publish(v2)).status).toBe(201);
    await postSubmissions(server, {
      submissions: [
        submissionOf('ver-cols', 1, { name: 'Old', topics: ['a', 'b'], old_q: 'kept' }),
        submissionOf('ver-cols', 2, { first: 'x', name: 'New', topics: ['c'] }),
      ],
    });
    const csv = await get(server, '/api/v1/forms/ver-cols/submissions.csv', server.coordinatorToken);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(7)).toEqual(['first', 'name', 'sex', 'topics/b', 'topics/c', 'topics/a', 'old_q']);
    expect(rows[1]!.slice(7)).toEqual(['', 'Old', '', '1', '', '1', 'kept']);
    expect(rows[2]!.slice(7)).toEqual(['x', 'New', '', '0', '1', '', '']);
    const labelled = await get(server, '/api/v1/forms/ver-cols/submissions.csv?labels=1', server.coordinatorToken);
    expect(parseCsv(labelled.text.replace(/^\uFEFF/, ''))[2]!.slice(7, 8)).toEqual(['X v2']);
  });

  it('rejects a closed form’s submissions with a reason, and takes them again once reopened', async () => {
    const s = makeSubmission('workshop-feedback');
    expect((await patchState('workshop-feedback', 'closed')).status).toBe(200);
    const refused = await postSubmissions(server, { submissions: [s] });
    expect(refused.json).toMatchObject({ results: [{ id: s.id, status: 'rejected', errors: [{ path: 'formId', message: expect.stringContaining('is closed') }] }] });
    expect(server.count('workshop-feedback')).toBe(0);
    await patchState('workshop-feedback', 'closing');
    expect((await postSubmissions(server, { submissions: [s] })).json).toMatchObject({ results: [{ status: 'stored' }] });
    expect((await patchState('workshop-feedback', 'open')).json).toEqual({ form: { id: 'workshop-feedback', state: 'open' } });
  });
});

describe('the seed catalog', () => {
  it('is version 1 of the built-in forms on a fresh data folder, and untouched on restart', async () => {
    const fresh = await startTestServer();
    try {
      const body = (await get(fresh, '/api/v1/forms')).json as { forms: { id: string; version: number }[] };
      expect(body.forms.map((f) => [f.id, f.version])).toEqual([
        ['project-questionnaire', 1],
        ['gender-sensitivity', 1],
        ['workshop-feedback', 1],
        ['gfp-constraints', 1],
      ]);
      const next = { ...workshop, version: undefined, sections: [...workshop.sections, { id: 'extra', title: 'Extra', questions: [{ id: 'extra_q', type: 'text', label: 'Extra' }] }] };
      const headers = { Authorization: `Bearer ${fresh.coordinatorToken}`, 'Content-Type': 'application/json' };
      expect((await fetch(`${fresh.url}/api/v1/forms`, { method: 'POST', headers, body: JSON.stringify(next) })).status).toBe(201);
      const again = await startTestServer({ dataDir: fresh.dataDir });
      try {
        const after = (await get(again, '/api/v1/forms')).json as { forms: { id: string; version: number }[] };
        expect(after.forms.find((f) => f.id === 'workshop-feedback')?.version).toBe(2);
      } finally {
        await again.stop();
      }
    } finally {
      await fresh.stop();
    }
  });
});
