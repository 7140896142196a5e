// GET /api/v1/forms/{formId}/submissions.csv: what goes in comes out, intact and neutralized.
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSubmission } from '../../server/ingest';
import { openSqliteStore } from '../../server/store/sqlite';
import type { NewSubmission } from '../../server/store/types';
import { findForm } from '../../src/forms/index';
import { questionsOf, type Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { makeSubmission, makeSubmissions } from '../fixtures/submissions';
import { parseCsv, parseCsvObjects } from '../helpers/csv-parse';
import { get, postSubmissions, startTestServer, type TestServer } from '../helpers/server';

const CSV_PATH = '/api/v1/forms/workshop-feedback/submissions.csv';
const form = findForm('workshop-feedback') as Form;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

async function exportBytes(path = CSV_PATH, from: TestServer = server): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${from.url}${path}`, { headers: { Authorization: `Bearer ${from.coordinatorToken}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The CSV text after checking and removing its BOM. */
function textOf(bytes: Buffer): string {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8');
}

const HARD: Submission = makeSubmission('workshop-feedback', {
  answerAll: true,
  meta: { enumerator: '-Zoë Ørsted', deviceId: '@laptop-3' },
  answers: {
    workshop_name: '=HYPERLINK("http://x","y")',
    workshop_place: 'Bamako, "Mali"\r\nsecond line\nthird',
    role: 'other',
    role_other: '+1 consultant',
    future_topics: ['hiv_aids', 'other'],
    future_topics_other: '\tTabbed, then "quoted"',
    comments: 'مرحبا بكم في الورشة — 你好，世界 — Très bien, café crème, naïve à l’œil.\nSecond line',
    aim_gender_sensitivity: 5,
    training_yearly: 'no',
  },
});

describe('export', () => {
  beforeAll(async () => {
    const other = makeSubmission('gender-sensitivity');
    const answer = await postSubmissions(server, { submissions: [HARD, other] });
    expect(answer.status).toBe(200);
  });

  it('is a UTF-8 CSV with a BOM, CRLF line ends and no-store', async () => {
    const { status, headers, bytes } = await exportBytes();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-disposition')).toContain('attachment');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    const text = textOf(bytes);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toHaveLength(2);
  });

  it('has the fixed columns, then one per question id, one per option of a multi', async () => {
    const [header] = parseCsv(textOf((await exportBytes()).bytes));
    const expected = ['submission_id', 'form_id', 'form_version', 'device_id', 'enumerator', 'started_at', 'completed_at'];
    for (const q of questionsOf(form)) {
      if (q.type === 'multi') expected.push(...(q.options ?? []).map((o) => `${q.id}/${o.id}`));
      else expected.push(q.id);
    }
    expect(header).toEqual(expected);
  });

  it('brings every hard text back intact, formulas neutralized, numbers as numbers', async () => {
    const [row] = parseCsvObjects(textOf((await exportBytes()).bytes));
    expect(row).toMatchObject({
      submission_id: HARD.id,
      form_id: 'workshop-feedback',
      form_version: String(form.version),
      device_id: "'@laptop-3",
      enumerator: "'-Zoë Ørsted",
      started_at: HARD.meta.startedAt,
      completed_at: HARD.meta.completedAt,
      workshop_name: `'=HYPERLINK("http://x","y")`,
      workshop_place: 'Bamako, "Mali"\r\nsecond line\nthird',
      role: 'other',
      role_other: "'+1 consultant",
      future_topics_other: "'\tTabbed, then \"quoted\"",
      comments: HARD.answers.comments,
      aim_gender_sensitivity: '5',
      training_yearly: 'no',
      'future_topics/hiv_aids': '1',
      'future_topics/other': '1',
      'future_topics/integration': '0',
    });
  });

  it('leaves unanswered and irrelevant cells empty', async () => {
    const plain = makeSubmission('workshop-feedback');
    await postSubmissions(server, { submissions: [plain] });
    const rows = parseCsvObjects(textOf((await exportBytes()).bytes));
    const row = rows.find((r) => r.submission_id === plain.id);
    expect(row?.role_other).toBe('');
    expect(row?.comments).toBe('');
    expect(row?.['future_topics/hiv_aids']).toBe('');
  });

  it('writes labels instead of codes on request', async () => {
    const rows = parseCsvObjects(textOf((await exportBytes(`${CSV_PATH}?labels=1`)).bytes));
    const row = rows.find((r) => r.submission_id === HARD.id);
    expect(row).toMatchObject({ sex: 'Female', role: 'Other', training_yearly: 'No', aim_gender_sensitivity: 'Strongly agree' });
  });

  it('writes the labels in the language asked for (?lang=fr, ?lang=es), column names staying ids', async () => {
    const french = parseCsvObjects(textOf((await exportBytes(`${CSV_PATH}?labels=1&lang=fr`)).bytes));
    expect(french.find((r) => r.submission_id === HARD.id)).toMatchObject({ sex: 'Femme', training_yearly: 'Non', aim_gender_sensitivity: 'Tout à fait d’accord' });
    const spanish = parseCsvObjects(textOf((await exportBytes(`${CSV_PATH}?labels=1&lang=es`)).bytes));
    expect(spanish.find((r) => r.submission_id === HARD.id)).toMatchObject({ sex: 'Mujer', training_yearly: 'No', aim_gender_sensitivity: 'Totalmente de acuerdo' });
    const codes = parseCsvObjects(textOf((await exportBytes(`${CSV_PATH}?lang=fr`)).bytes));
    expect(codes.find((r) => r.submission_id === HARD.id)).toMatchObject({ sex: 'female', training_yearly: 'no' });
    expect((await get(server, `${CSV_PATH}?labels=1&lang=de`, server.coordinatorToken)).status).toBe(400);
  });

  it('holds only the asked form, and an empty form is a header alone', async () => {
    const rows = parseCsvObjects(textOf((await exportBytes()).bytes));
    expect(new Set(rows.map((r) => r.form_id))).toEqual(new Set(['workshop-feedback']));
    const empty = parseCsv(textOf((await exportBytes('/api/v1/forms/gfp-constraints/submissions.csv')).bytes));
    expect(empty).toHaveLength(1);
  });

  it('is for the coordinator only', async () => {
    expect((await get(server, CSV_PATH, server.deviceToken)).status).toBe(403);
    expect((await get(server, CSV_PATH)).status).toBe(401);
    expect((await get(server, '/api/v1/forms/nope/submissions.csv', server.coordinatorToken)).status).toBe(404);
  });
});

describe('a large export', () => {
  // Rows of ~9 KB: the file (~18 MB) is far more than socket buffers hold, so a paused
  // client must hold the server back.
  const ROWS = 2_000;
  let big: TestServer;
  let rowsRead = 0;
  beforeAll(async () => {
    big = await startTestServer({
      wrapStore: (store) => ({
        ...store,
        iterateForm: async function* (formId) {
          for await (const row of store.iterateForm(formId)) {
            rowsRead++;
            yield row;
          }
        },
      }),
    });
    // Straight into the file through a second connection: quicker than POSTs, same rows.
    const store = openSqliteStore(big.dataDir);
    const items = makeSubmissions(ROWS, 'workshop-feedback', { answers: { comments: 'Long comment, with commas. '.repeat(333) } }).map(
      (s) => (checkSubmission(s) as { ok: true; item: NewSubmission }).item,
    );
    await store.ingest(items, new Date().toISOString());
    await store.close();
  }, 60_000);
  afterAll(async () => {
    await big.stop();
  });

  it('streams every row while the client reads slowly, and writes go on meanwhile', async () => {
    const { port } = new URL(big.url);
    const received: Buffer[] = [];
    let response: IncomingMessage | undefined;
    let firstChunk!: () => void;
    const started = new Promise<void>((resolve) => (firstChunk = resolve));
    const done = new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: CSV_PATH, headers: { Authorization: `Bearer ${big.coordinatorToken}` } }, (res) => {
        response = res;
        res.on('data', (chunk: Buffer) => {
          received.push(chunk);
          if (received.length === 1) {
            // Stop reading: the server must wait for the socket, not pile the file up in memory.
            res.pause();
            firstChunk();
          }
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    await started;
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Paused: the server has read only what the socket could take, not the whole form.
    expect(rowsRead).toBeLessThan(ROWS / 2);
    // While the export's reader is open, a device can still submit.
    const posted = await postSubmissions(big, { submissions: [makeSubmission()] });
    expect(posted.status).toBe(200);
    expect(big.count()).toBe(ROWS + 1);
    response?.resume();
    await done;
    const rows = parseCsv(textOf(Buffer.concat(received)));
    // The export reads one snapshot: the rows stored when it began.
    expect(rows.length - 1).toBe(ROWS);
  });

  it('survives a client that hangs up mid-export', async () => {
    const controller = new AbortController();
    const response = await fetch(`${big.url}${CSV_PATH}`, { headers: { Authorization: `Bearer ${big.coordinatorToken}` }, signal: controller.signal });
    const reader = response.body?.getReader();
    await reader?.read();
    controller.abort();
    await expect(reader?.read()).rejects.toThrow();
    const again = await exportBytes(CSV_PATH, big);
    expect(parseCsv(textOf(again.bytes)).length - 1).toBe(ROWS + 1);
  });
});
