// GET /api/v1/forms/{id}/xlsform over HTTP: each built-in form and a rich XLSForm download as an
// .xlsx that publishes back `200 unchanged`; the shipped career development example publishes (201).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMS } from '../../src/forms/index';
import { FormSchema, questionsOf } from '../../src/forms/schema';
import { get, readAnswer, startTestServer, type TestServer } from '../helpers/server';
import { buildXlsx } from '../helpers/xlsx';
import { RICH_SHEETS } from '../forms/xlsform/rich-form';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function download(path: string, token: string | null = server.coordinatorToken) {
  const response = await fetch(`${server.url}${path}`, token !== null ? { headers: { Authorization: `Bearer ${token}` } } : {});
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function publish(body: Uint8Array, type = XLSX) {
  const response = await fetch(`${server.url}/api/v1/forms`, {
    method: 'POST',
    headers: { 'Content-Type': type, Authorization: `Bearer ${server.coordinatorToken}` },
    body: new Blob([body as Uint8Array<ArrayBuffer>]),
  });
  return readAnswer(response);
}

const definition = async (id: string, version: number) => (await get(server, `/api/v1/forms/${id}/versions/${version}`)).text;

describe('GET /api/v1/forms/{id}/xlsform', () => {
  it.each(FORMS.map((f) => f.id))('%s: an .xlsx attachment that publishes back unchanged', async (id) => {
    const before = await definition(id, 1);
    const file = await download(`/api/v1/forms/${id}/xlsform`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(XLSX);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${id}-v1.xlsx"`);
    const again = await publish(file.bytes);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ form: { id, version: 1 }, unchanged: true });
    expect(await definition(id, 1)).toBe(before);
    expect((await get(server, `/api/v1/forms/${id}/versions/2`)).status).toBe(404);
  });

  it('a rich three-language XLSForm: published, downloaded, published again unchanged; ?version= picks an older one', async () => {
    const first = await publish(buildXlsx(RICH_SHEETS));
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ form: { id: 'rich-form', version: 1 } });
    const file = await download('/api/v1/forms/rich-form/xlsform');
    expect(await publish(file.bytes)).toMatchObject({ status: 200, json: { unchanged: true, form: { version: 1 } } });

    // Version 2 (as JSON) words the name question anew; the download follows the latest, and ?version=1 still gives the first.
    const v1 = FormSchema.parse(JSON.parse(await definition('rich-form', 1)));
    const { version: _v, ...rest } = v1;
    const v2 = JSON.parse(JSON.stringify(rest).replace('"Your name"', '"Your full name"'));
    const second = await fetch(`${server.url}/api/v1/forms`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.coordinatorToken}` }, body: JSON.stringify(v2) });
    expect(second.status).toBe(201);
    const latest = await download('/api/v1/forms/rich-form/xlsform');
    expect(latest.headers.get('content-disposition')).toContain('rich-form-v2.xlsx');
    expect(await publish(latest.bytes)).toMatchObject({ status: 200, json: { unchanged: true, form: { version: 2 } } });
    const older = await download('/api/v1/forms/rich-form/xlsform?version=1');
    expect(older.headers.get('content-disposition')).toContain('rich-form-v1.xlsx');
    // The first version's content again, which differs from the latest: a new version 3, identical to version 1.
    const third = await publish(older.bytes);
    expect(third).toMatchObject({ status: 201, json: { form: { version: 3 } } });
    const { version: _v3, ...content3 } = JSON.parse(await definition('rich-form', 3));
    expect(content3).toEqual(rest);
  });

  it('answers 401 without the coordinator token, 404 for an unknown form or version, 400 for a bad version', async () => {
    expect((await download('/api/v1/forms/workshop-feedback/xlsform', null)).status).toBe(401);
    expect((await download('/api/v1/forms/workshop-feedback/xlsform', server.deviceToken)).status).toBe(403);
    expect((await download('/api/v1/forms/no-such-form/xlsform')).status).toBe(404);
    expect((await download('/api/v1/forms/workshop-feedback/xlsform?version=9')).status).toBe(404);
    expect((await download('/api/v1/forms/workshop-feedback/xlsform?version=two')).status).toBe(400);
  });
});

describe('examples/career-development.xlsx', () => {
  it('publishes as version 1 with its questions in three languages and its sex question', async () => {
    const bytes = readFileSync(new URL('../../examples/career-development.xlsx', import.meta.url));
    const answer = await publish(new Uint8Array(bytes));
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ form: { id: 'career-development', version: 1, title: 'Career development survey by gender' }, warnings: [] });
    const form = FormSchema.parse(JSON.parse(await definition('career-development', 1)));
    expect(form.languages).toEqual(['en', 'fr', 'es']);
    expect(form.sexQuestion).toBe('respondent_sex');
    expect(form.sections.map((s) => s.id)).toEqual(['about_you', 'promotions_applications', 'training_mobility', 'perceived_obstacles']);
    const byId = new Map(questionsOf(form).map((q) => [q.id, q]));
    for (const id of ['respondent_sex', 'grade', 'step', 'years_at_grade', 'promotions', 'applied', 'applications', 'training_days', 'mobility', 'career_obstacles']) expect(byId.has(id)).toBe(true);
    expect(byId.get('respondent_sex')).toMatchObject({ type: 'single', required: true, label: { en: 'Sex', fr: 'Sexe', es: 'Sexo' } });
    expect(byId.get('applications')).toMatchObject({ relevant: "${applied} = 'yes'", constraint: '. >= 1 and . <= 100' });
    expect(byId.get('years_of_service')).toMatchObject({ constraintMessage: { en: 'Cannot be fewer than your years at your current grade.' } });
    // And it downloads back unchanged.
    const file = await download('/api/v1/forms/career-development/xlsform');
    expect(await publish(file.bytes)).toMatchObject({ status: 200, json: { unchanged: true } });
  });
});
