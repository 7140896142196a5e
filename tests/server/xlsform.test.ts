// Publishing an XLSForm over HTTP (PRODUCT.md section 7): the same 201/200/422 as JSON, problems at
// their sheet, row and column, warnings in the 201; the server then validates answers by the form's expressions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvLayout } from '../../src/export/csv-versions';
import { FormSchema } from '../../src/forms/schema';
import { makeSubmission } from '../fixtures/submissions';
import { parseCsv } from '../helpers/csv-parse';
import { get, postSubmissions, readAnswer, startTestServer, type TestServer } from '../helpers/server';
import { buildXlsx, type XlsxSheets } from '../helpers/xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function publishXlsx(sheets: XlsxSheets, query = '') {
  const response = await fetch(`${server.url}/api/v1/forms${query}`, {
    method: 'POST',
    headers: { 'Content-Type': XLSX, Authorization: `Bearer ${server.coordinatorToken}` },
    body: new Blob([buildXlsx(sheets) as Uint8Array<ArrayBuffer>]),
  });
  return readAnswer(response);
}

/** Two languages, a required select, a constraint with its message, a relevance and a calculation. */
const WITH_CALC: XlsxSheets['survey'] = [
  ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'relevant', 'constraint', 'constraint_message::English (en)', 'required', 'calculation'],
  ['select_one sex', 'sex', 'Sex', 'Sexe', '', '', '', 'yes', ''],
  ['integer', 'age', 'Age', 'Âge', '', '. >= 15 and . < 100', 'From 15 to 99', 'yes', ''],
  ['text', 'employer', 'Employer', 'Employeur', '${age} >= 18', '', '', '', ''],
  ['calculate', 'decade', '', '', '', '', '', '', 'int(${age} div 10)'],
];
const CHOICES: XlsxSheets['choices'] = [
  ['list_name', 'name', 'label::English (en)', 'label::Français (fr)'],
  ['sex', 'female', 'Female', 'Femme'],
  ['sex', 'male', 'Male', 'Homme'],
];
const SETTINGS: XlsxSheets['settings'] = [['form_id', 'form_title', 'version', 'default_language'], ['Labour_Survey', 'Labour survey', '2024050101', 'English (en)']];

function submission(formId: string, answers: Record<string, string | number | string[]>) {
  return { ...makeSubmission('workshop-feedback'), formId, formVersion: 1, answers };
}

describe('POST /api/v1/forms with an XLSForm', () => {
  it('publishes version 1 under the settings form_id made kebab-case, with its warnings; the same file again is unchanged', async () => {
    const sheets = { survey: WITH_CALC, choices: CHOICES, settings: SETTINGS };
    const first = await publishXlsx(sheets);
    expect(first.status).toBe(201);
    expect(first.json).toEqual({
      form: { id: 'labour-survey', version: 1, title: 'Labour survey' },
      warnings: [{ sheet: 'settings', row: 2, column: 'version', message: 'the server numbers versions itself (1, 2, 3 …); the version `2024050101` is kept only as a note here' }],
    });
    const again = await publishXlsx(sheets);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ form: { id: 'labour-survey', version: 1 }, unchanged: true });
    const definition = await get(server, '/api/v1/forms/labour-survey/versions/1');
    expect(JSON.parse(definition.text)).toMatchObject({ id: 'labour-survey', version: 1, languages: ['en', 'fr'], defaultLanguage: 'en' });
  });

  it('takes ?formId= before the settings', async () => {
    const answer = await publishXlsx({ survey: WITH_CALC, choices: CHOICES, settings: SETTINGS }, '?formId=labour-other');
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ form: { id: 'labour-other', version: 1 } });
  });

  it('refuses with 422 and every problem at its sheet, row and column; nothing is published', async () => {
    const survey = [...WITH_CALC, ['rank', 'code', 'Code', 'Code', '', '', '', '', ''], ['text', 'why', 'Why', 'Pourquoi', '${agee} > 1', '', '', '', '']];
    const answer = await publishXlsx({ survey, choices: CHOICES, settings: [['form_id'], ['refused-form']] });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({
      error: { code: 'invalid_form' },
      problems: [
        { sheet: 'survey', row: 6, column: 'type', message: 'type `rank` (a ranking) is not supported yet' },
        { sheet: 'survey', row: 7, column: 'relevant', message: 'in `relevant`, at character 1: ${agee} is not a question of this form' },
      ],
    });
    expect((await get(server, '/api/v1/forms/refused-form/versions/1')).status).toBe(404);
  });

  it('refuses a workbook without a form id anywhere, and bytes that are not a workbook', async () => {
    const noId = await publishXlsx({ survey: WITH_CALC, choices: CHOICES });
    expect(noId.status).toBe(422);
    expect(noId.json).toMatchObject({ problems: [{ sheet: 'settings', column: 'form_id', message: expect.stringMatching(/^the form has no id/) }] });
    const notXlsx = await fetch(`${server.url}/api/v1/forms?formId=junk`, { method: 'POST', headers: { 'Content-Type': XLSX, Authorization: `Bearer ${server.coordinatorToken}` }, body: 'not a zip' });
    expect(notXlsx.status).toBe(422);
  });

  it('validates submissions by the form\u2019s expressions, and the CSV holds the calculation', async () => {
    const good = submission('labour-survey', { sex: 'female', age: 34, employer: 'Co-op', decade: '3' });
    const tooYoung = submission('labour-survey', { sex: 'male', age: 12 });
    const notApplicable = submission('labour-survey', { sex: 'male', age: 16, employer: 'School' });
    const answer = await postSubmissions(server, { submissions: [good, tooYoung, notApplicable] });
    const results = (answer.json as { results: { status: string; errors?: { path?: string; message: string }[] }[] }).results;
    expect(results.map((r) => r.status)).toEqual(['stored', 'rejected', 'rejected']);
    expect(results[1]!.errors).toEqual([expect.objectContaining({ message: 'From 15 to 99' })]);
    const csv = await get(server, '/api/v1/forms/labour-survey/submissions.csv', server.coordinatorToken);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(7)).toEqual(['sex', 'age', 'employer', 'decade']);
    expect(rows[1]!.slice(7)).toEqual(['female', '34', 'Co-op', '3']);
    const french = await get(server, '/api/v1/forms/labour-survey/submissions.csv?labels=1&lang=fr', server.coordinatorToken);
    expect(parseCsv(french.text.replace(/^\uFEFF/, ''))[1]!.slice(7)).toEqual(['Femme', '34', 'Co-op', '3']);
  });

  it('publishes locations, checks their ranges, and writes a geopoint as four columns, the same bytes as the device', async () => {
    const survey = [
      ['type', 'name', 'label', 'required'],
      ['select_one sex', 'sex', 'Sex', 'yes'],
      ['geopoint', 'site', 'Site', 'yes'],
      ['geoshape', 'plot', 'Plot', ''],
    ];
    expect((await publishXlsx({ survey, choices: CHOICES, settings: [['form_id'], ['site-survey']] })).status).toBe(201);
    const good = submission('site-survey', { sex: 'female', site: '-12.5 -1.25 300 4.5', plot: '0 0;0 1;1 1;0 0' });
    const byHand = submission('site-survey', { sex: 'male', site: '12.5 -1.25' });
    const offTheMap = submission('site-survey', { sex: 'male', site: '-91 -1.25' });
    const openPlot = submission('site-survey', { sex: 'male', site: '1 1', plot: '0 0;0 1;1 1' });
    const answer = await postSubmissions(server, { submissions: [good, byHand, offTheMap, openPlot] });
    const results = (answer.json as { results: { status: string; errors?: { path?: string; message: string }[] }[] }).results;
    expect(results.map((r) => r.status)).toEqual(['stored', 'stored', 'rejected', 'rejected']);
    expect(results[2]!.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Enter a location: a latitude from -90 to 90/) })]);
    expect(results[3]!.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Enter an area of at least 3 different points/) })]);

    const csv = await get(server, '/api/v1/forms/site-survey/submissions.csv', server.coordinatorToken);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]!.slice(7)).toEqual(['sex', 'site/latitude', 'site/longitude', 'site/altitude', 'site/accuracy', 'plot']);
    expect(rows.slice(1).map((r) => r.slice(7))).toEqual([
      ['female', '-12.5', '-1.25', '300', '4.5', '0 0;0 1;1 1;0 0'],
      ['male', '12.5', '-1.25', '', '', ''],
    ]);
    // The device writes its file with the same layout from the published definition: byte for byte the server's.
    const form = FormSchema.parse(JSON.parse((await get(server, '/api/v1/forms/site-survey/versions/1')).text));
    const layout = csvLayout([form]);
    const stored = [good, byHand].map((s) => ({ ...s, formVersion: 1 }));
    // (After the BOM, which the helper's decoding may drop and other tests check.)
    expect(csv.text.replace(/^\uFEFF/, '')).toBe(layout.header + stored.map((s) => layout.row(form, s, { labels: false })).join(''));
  });
});
