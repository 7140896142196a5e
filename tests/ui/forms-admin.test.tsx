// The coordinator's Forms section against a stand-in for the server at the fetch boundary: the
// list with versions and responses, state changes, local refusals, the server's refusals row by
// row, and what a publication came to. The stand-in answers with the bodies of PRODUCT.md section 7.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findForm } from '../../src/forms';
import type { Form, FormState } from '../../src/forms/schema';
import { formatDate, setLocale } from '../../src/i18n';
import { forgetCoordinatorToken, setCoordinatorToken } from '../../src/results/remote';
import { MAX_DEFINITION_BYTES, type FormSummary, type Published, type Refused } from '../../src/sync/forms-api';
import { CoordinatorScreen } from '../../src/ui/CoordinatorScreen';
import { resetStorage } from '../helpers/reset-storage';

const TOKEN = 'coordinator-token-for-tests';
const workshop = findForm('workshop-feedback') as Form;

/** A form only the server knows: published from a file, never built into the app. */
const career: Form = {
  id: 'career-development',
  version: 1,
  title: { en: 'Career development survey', fr: 'Enquête sur l’évolution de carrière' },
  sections: [
    {
      id: 'about',
      title: 'About you',
      questions: [
        { id: 'sex', type: 'single', label: 'Sex', options: ['female', 'male', 'other', 'prefer_not_to_say'].map((id) => ({ id, label: id })) },
        { id: 'grade', type: 'text', label: 'Grade' },
      ],
    },
  ],
};

interface Call {
  method: string;
  path: string;
  body: string | undefined;
  authorization: string | null;
}

/** The server's side: every form's summary, and the answer to give the next publication. */
class FakeRegistry {
  calls: Call[] = [];
  forms: FormSummary[] = [
    {
      id: 'workshop-feedback',
      state: 'open',
      title: 'Workshop feedback',
      versions: [{ version: 1, publishedAt: '2026-03-02T09:15:00.000Z', publishedBy: 'seed', responses: 12 }],
    },
    {
      id: 'career-development',
      state: 'closing',
      title: career.title,
      versions: [{ version: 1, publishedAt: '2026-06-20T14:40:00.000Z', publishedBy: 'coordinator', responses: 0 }],
    },
  ];
  publishAnswer: { status: number; body: Published | Refused } | undefined;

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? init.body : undefined;
    this.calls.push({ method, path: url.pathname, body, authorization: new Headers(init.headers).get('Authorization') });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
    if (method === 'GET' && url.pathname === '/api/v1/catalog') return json(200, { forms: this.forms });
    // The same screen shows the Devices section (issue 15): an empty server, as far as devices go.
    if (method === 'GET' && url.pathname === '/api/v1/devices') return json(200, { devices: [] });
    if (method === 'GET' && url.pathname.startsWith('/api/v1/audit')) return json(200, { entries: [] });
    if (method === 'GET' && url.pathname === '/api/v1/forms/career-development/versions/1') return json(200, career);
    const patch = /^\/api\/v1\/forms\/([a-z-]+)$/.exec(url.pathname);
    if (method === 'PATCH' && patch) {
      const state = (JSON.parse(body ?? '{}') as { state: FormState }).state;
      const form = this.forms.find((f) => f.id === patch[1])!;
      form.state = state;
      return json(200, { form: { id: form.id, state } });
    }
    if (method === 'POST' && url.pathname === '/api/v1/forms' && this.publishAnswer) {
      const answer = this.publishAnswer;
      if (answer.status === 201) {
        const published = (answer.body as Published).form;
        this.forms.find((f) => f.id === published.id)!.versions.push({ version: published.version, publishedAt: '2026-11-27T10:00:00.000Z', publishedBy: 'coordinator', responses: 0 });
      }
      return json(answer.status, answer.body);
    }
    return json(404, { error: { code: 'not_found', message: `No API route ${url.pathname}.` } });
  };

  callsTo(method: string, path: string): Call[] {
    return this.calls.filter((c) => c.method === method && c.path === path);
  }
}

let server: FakeRegistry;
beforeEach(async () => {
  await resetStorage();
  server = new FakeRegistry();
  vi.stubGlobal('fetch', vi.fn(server.fetch));
  setCoordinatorToken(TOKEN);
});
afterEach(async () => {
  await setLocale('en');
  forgetCoordinatorToken();
  vi.unstubAllGlobals();
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Unit tests have no network')));
});

/** Each row of a table as the text of its cells. */
const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => Array.from(row.children, (c) => c.textContent ?? ''));

/** Chooses a file in the labelled file input, as the browser reports a choice. */
function chooseFile(content: string, name = 'form.json'): void {
  const input = screen.getByLabelText('Form definition (JSON or XLSForm .xlsx file)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name, { type: 'application/json' })] });
  fireEvent.change(input);
}

/** The workshop form as a coordinator edits it for the next workshop: one question more, no version given. */
function workshopWithNewQuestion(): string {
  const { version: _server, ...definition } = structuredClone(workshop) as Form & { version?: number };
  definition.sections[0]!.questions.push({ id: 'venue_rating', type: 'likert', label: 'The venue suited the workshop' });
  return JSON.stringify(definition);
}

async function openScreen(): Promise<void> {
  render(<CoordinatorScreen />);
  await screen.findByRole('table', { name: 'Versions of Workshop feedback' });
}

describe('the Forms section', () => {
  it('lists every form on the server with its state, and each version with its date and responses', async () => {
    server.forms[0]!.versions.push({ version: 2, publishedAt: '2026-09-14T16:05:00.000Z', publishedBy: 'coordinator', responses: 3 });
    await openScreen();
    const workshopEntry = screen.getByRole('article', { name: 'Workshop feedback' });
    expect(within(workshopEntry).getByText(/State: Open/)).toBeTruthy();
    const versions = rowsOf(within(workshopEntry).getByRole('table', { name: 'Versions of Workshop feedback' }));
    expect(versions).toEqual([
      ['2', formatDate('2026-09-14T16:05:00.000Z', { dateStyle: 'medium', timeStyle: 'short' }), '3'],
      ['1', formatDate('2026-03-02T09:15:00.000Z', { dateStyle: 'medium', timeStyle: 'short' }), '12'],
    ]);
    expect(versions[0]![1]).toMatch(/Sep.*2026/);
    expect(within(workshopEntry).getAllByRole('row')[1]!.querySelector('time')?.getAttribute('datetime')).toBe('2026-09-14T16:05:00.000Z');

    const careerEntry = screen.getByRole('article', { name: 'Career development survey' });
    expect(within(careerEntry).getByText(/State: Closing/)).toBeTruthy();
    expect(rowsOf(within(careerEntry).getByRole('table'))).toEqual([['1', expect.stringMatching(/Jun.*2026/), '0']]);
    expect(server.callsTo('GET', '/api/v1/catalog')[0]?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('names forms in the language in use: a built-in one from the app’s words, even at a version this device lacks', async () => {
    server.forms[0]!.versions.push({ version: 2, publishedAt: '2026-09-14T16:05:00.000Z', publishedBy: 'coordinator', responses: 0 });
    await setLocale('fr');
    render(<CoordinatorScreen />);
    // French puts a no-break space inside « ».
    await screen.findByRole('table', { name: 'Versions de «\u00a0Évaluation de l’atelier\u00a0»' });
    expect(screen.getByRole('heading', { level: 3, name: 'Évaluation de l’atelier' })).toBeTruthy();
    // A published form speaks its own languages.
    expect(screen.getByRole('heading', { level: 3, name: 'Enquête sur l’évolution de carrière' })).toBeTruthy();
    expect(screen.getByLabelText('État de «\u00a0Évaluation de l’atelier\u00a0»', { normalizer: (text) => text })).toBeTruthy();
  });

  it('picks its forms from the server, and fetches the definition of one this device does not hold', async () => {
    render(<CoordinatorScreen formId="career-development" />);
    const picker = await screen.findByRole('navigation', { name: 'Forms on the server' });
    expect((await within(picker).findAllByRole('link')).map((a) => a.textContent)).toEqual(['Workshop feedback', 'Career development survey']);
    await screen.findByRole('heading', { level: 2, name: 'Career development survey: all devices' });
    expect(server.callsTo('GET', '/api/v1/forms/career-development/versions/1')).toHaveLength(1);
  });

  it('changes a state, asks before closing, and shows the list again as the server has it', async () => {
    await openScreen();
    const select = screen.getByLabelText('State of “Workshop feedback”') as HTMLSelectElement;
    const change = screen.getAllByRole('button', { name: 'Change state' })[0]!;
    expect((change as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(select, { target: { value: 'closed' } });
    fireEvent.click(change);
    const confirm = screen.getByRole('group', { name: 'Confirm closing' });
    expect(within(confirm).getByText(/Devices can no longer send responses to it/)).toBeTruthy();
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Close the form' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(server.callsTo('PATCH', '/api/v1/forms/workshop-feedback')).toHaveLength(0);

    fireEvent.click(change);
    fireEvent.click(screen.getByRole('button', { name: 'Close the form' }));
    await screen.findByText('“Workshop feedback” is now closed: the server refuses its submissions.');
    expect(server.callsTo('PATCH', '/api/v1/forms/workshop-feedback').map((c) => c.body)).toEqual(['{"state":"closed"}']);
    const entry = screen.getByRole('article', { name: 'Workshop feedback' });
    await within(entry).findByText(/State: Closed/);
    expect(server.callsTo('GET', '/api/v1/catalog')).toHaveLength(2);

    // Opening again needs no confirmation.
    fireEvent.change(select, { target: { value: 'open' } });
    fireEvent.click(change);
    await screen.findByText('“Workshop feedback” is now open: devices can start new responses.');
    expect(server.forms[0]!.state).toBe('open');
  });
});

describe('publishing a JSON file', () => {
  it('lists the problems it finds itself, row by row with their column, and sends nothing', async () => {
    await openScreen();
    const broken = structuredClone(workshop);
    broken.sections[0]!.questions[1] = { ...broken.sections[0]!.questions[0]!, label: 'Again' };
    (broken.sections[1]!.questions[0] as { type: string }).type = 'rating';
    chooseFile(JSON.stringify(broken), 'broken.json');
    const table = await screen.findByRole('table', { name: 'Problems in broken.json' });
    const rows = rowsOf(table);
    expect(rows).toEqual([['', '', 'sections[1].questions[0].type', expect.stringMatching(/^Invalid option/)]]);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be published; nothing was sent/);
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();

    // Once the shape is right, the structure is checked: a question id used twice.
    (broken.sections[1]!.questions[0] as { type: string }).type = workshop.sections[1]!.questions[0]!.type;
    chooseFile(JSON.stringify(broken), 'broken.json');
    await waitFor(() => expect(rowsOf(screen.getByRole('table', { name: 'Problems in broken.json' }))).toEqual([['', '', 'sections[0].questions[1].id', 'question id "workshop_name" is used twice']]));

    // A type change against a version this device holds is caught here too.
    const retyped = JSON.parse(workshopWithNewQuestion()) as Form;
    retyped.sections[0]!.questions[0]!.type = 'integer';
    chooseFile(JSON.stringify(retyped), 'retyped.json');
    const retypedRows = rowsOf(await screen.findByRole('table', { name: 'Problems in retyped.json' }));
    expect(retypedRows).toEqual([['', '', 'sections[0].questions[0].type', expect.stringContaining('was "text" in version 1 and cannot become "integer"')]]);

    chooseFile('{"id": "x", "title": ', 'cut.json');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This file is not JSON/);
    chooseFile(`[${' '.repeat(MAX_DEFINITION_BYTES)}]`, 'huge.json');
    await screen.findByText('This file is larger than 10 MB, the most a form definition can be.');
    expect(server.callsTo('POST', '/api/v1/forms')).toHaveLength(0);
  });

  it('previews a good file with the app’s renderer, then lists the server’s refusal row by row', async () => {
    await openScreen();
    const definition = JSON.stringify({ ...career, version: undefined, sections: [{ ...career.sections[0]!, questions: [...career.sections[0]!.questions, { id: 'mentor', type: 'yesno', label: 'Do you have a mentor?' }] }] });
    chooseFile(definition, 'career-v2.json');
    const preview = await screen.findByRole('region', { name: 'Preview of Career development survey' });
    // Interactive, not saved: a choice shows in the preview and nothing is sent.
    const yes = within(within(preview).getByRole('group', { name: /Do you have a mentor\?/ })).getByRole('radio', { name: 'Yes' });
    fireEvent.click(yes);
    expect((yes as HTMLInputElement).checked).toBe(true);

    server.publishAnswer = {
      status: 422,
      body: {
        error: { code: 'invalid_form', message: 'The form cannot be published: 2 problem(s); nothing was published.' },
        problems: [
          { sheet: null, row: null, column: 'sections[0].questions[1].type', message: 'question "grade" was "single" in version 1 and cannot become "text"' },
          { sheet: 'survey', row: 4, column: 'relevant', message: 'unknown question "tenure"' },
        ],
      },
    };
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    const table = await screen.findByRole('table', { name: 'Problems the server found in career-v2.json' });
    expect(rowsOf(table)).toEqual([
      ['', '', 'sections[0].questions[1].type', 'question "grade" was "single" in version 1 and cannot become "text"'],
      ['survey', '4', 'relevant', 'unknown question "tenure"'],
    ]);
    expect(screen.getByRole('alert').textContent).toBe('The form cannot be published: 2 problem(s); nothing was published.');
    const [post] = server.callsTo('POST', '/api/v1/forms');
    expect(post?.body).toBe(definition);
    expect(post?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('says which version it published, and lists it', async () => {
    await openScreen();
    chooseFile(workshopWithNewQuestion(), 'workshop-v2.json');
    await screen.findByRole('region', { name: 'Preview of Workshop feedback' });
    expect(screen.getByText('No problems found in workshop-v2.json. Look at the preview below, then publish.')).toBeTruthy();
    server.publishAnswer = { status: 201, body: { form: { id: 'workshop-feedback', version: 2, title: 'Workshop feedback' }, warnings: [] } };
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published version 2 of Workshop feedback.');
    const versions = screen.getByRole('table', { name: 'Versions of Workshop feedback' });
    await waitFor(() => expect(rowsOf(versions).map((r) => r[0])).toEqual(['2', '1']));
    expect(screen.queryByRole('region', { name: /^Preview of/ })).toBeNull();
    expect(JSON.parse(server.callsTo('POST', '/api/v1/forms')[0]!.body!)).toMatchObject({ id: 'workshop-feedback', title: workshop.title });
  });

  it('says so when the content is already the latest version', async () => {
    await openScreen();
    const { version: _v, ...same } = workshop;
    chooseFile(JSON.stringify(same), 'same.json');
    await screen.findByRole('region', { name: 'Preview of Workshop feedback' });
    server.publishAnswer = { status: 200, body: { form: { id: 'workshop-feedback', version: 1, title: 'Workshop feedback' }, warnings: [], unchanged: true } };
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Version 1 of Workshop feedback already has this content: nothing new was published.');
    expect(rowsOf(screen.getByRole('table', { name: 'Versions of Workshop feedback' }))).toHaveLength(1);
  });
});
