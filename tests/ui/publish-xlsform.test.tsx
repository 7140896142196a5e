// The Forms screen's XLSForm path: an .xlsx chosen in the file input is imported in the browser
// (the importer loaded on demand); its problems are listed by sheet, row and column, or the form is
// previewed with the app's renderer and its bytes are published with the XLSForm content type.
// The "Download as XLSForm" button fetches with the coordinator token and saves the file.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetCoordinatorToken, setCoordinatorToken } from '../../src/results/remote';
import type { FormSummary } from '../../src/sync/forms-api';
import { PublishForm } from '../../src/ui/coordinator/PublishForm';
import { XlsFormDownload } from '../../src/ui/coordinator/XlsFormDownload';
import { resetStorage } from '../helpers/reset-storage';
import { buildXlsx, type XlsxSheets } from '../helpers/xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TOKEN = 'coordinator-token-for-tests';
const SERVER: FormSummary[] = [];

const GOOD: XlsxSheets = {
  survey: [
    ['type', 'name', 'label::English (en)', 'label::Français (fr)', 'relevant', 'constraint', 'constraint_message::English (en)', 'appearance'],
    ['select_one sex', 'sex', 'Sex', 'Sexe', '', '', '', ''],
    ['integer', 'years_at_grade', 'Years at your grade', 'Années dans votre classe', '', '. >= 0 and . <= 40', 'From 0 to 40 years.', ''],
    ['text', 'why', 'Why so long?', 'Pourquoi si longtemps ?', '${years_at_grade} > 10', '', '', 'sparkly'],
  ],
  choices: [
    ['list_name', 'name', 'label::English (en)', 'label::Français (fr)'],
    ['sex', 'female', 'Female', 'Femme'],
    ['sex', 'male', 'Male', 'Homme'],
  ],
  settings: [['form_id', 'form_title'], ['grade_survey', 'Grade survey']],
};

let posted: { type: string | null; body: unknown }[] = [];
beforeEach(async () => {
  await resetStorage();
  posted = [];
  setCoordinatorToken(TOKEN);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = new URL(String(input));
      const headers = new Headers(init.headers);
      if (init.method === 'POST' && url.pathname === '/api/v1/forms') {
        posted.push({ type: headers.get('Content-Type'), body: init.body });
        return new Response(JSON.stringify({ form: { id: 'grade-survey', version: 1, title: 'Grade survey' }, warnings: [] }), { status: 201, headers: { 'Content-Type': 'application/json' } });
      }
      if (url.pathname === '/api/v1/forms/grade-survey/xlsform' && headers.get('Authorization') === `Bearer ${TOKEN}`) return new Response(new Blob([buildXlsx(GOOD) as Uint8Array<ArrayBuffer>], { type: XLSX }));
      return new Response(JSON.stringify({ error: { code: 'not_found', message: `No API route ${url.pathname}.` } }), { status: 404 });
    }),
  );
});
afterEach(() => {
  forgetCoordinatorToken();
  vi.unstubAllGlobals();
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Unit tests have no network')));
});

function chooseXlsx(sheets: XlsxSheets, name = 'grade-survey.xlsx'): void {
  const input = screen.getByLabelText('Form definition (JSON or XLSForm .xlsx file)') as HTMLInputElement;
  expect(input.accept).toContain('.xlsx');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([buildXlsx(sheets) as Uint8Array<ArrayBuffer>], name, { type: XLSX })] });
  fireEvent.change(input);
}

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((row) => Array.from(row.children, (c) => c.textContent ?? ''));

describe('publishing an XLSForm from the Forms screen', () => {
  it('lists the problems of a refused .xlsx by sheet, row and column, with no preview and no Publish button', async () => {
    const survey = [...GOOD.survey!, ['rank', 'code', 'Code?', 'Code ?', '', '', '', ''], ['text', 'bad', 'Bad', 'Mauvais', '${nowhere} = 1', '', '', '']];
    render(<PublishForm forms={SERVER} locale="en" onPublished={() => {}} onRefused={() => {}} />);
    chooseXlsx({ ...GOOD, survey });
    const table = await screen.findByRole('table', { name: 'Problems in grade-survey.xlsx' });
    expect(rowsOf(table)).toEqual([
      ['survey', '5', 'type', 'type `rank` (a ranking) is not supported yet'],
      ['survey', '6', 'relevant', 'in `relevant`, at character 1: ${nowhere} is not a question of this form'],
    ]);
    expect(screen.getByRole('alert').textContent).toContain('cannot be published');
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('region', { name: /Preview/ })).toBeNull();
  });

  it('previews a good .xlsx with the renderer (constraint message included), shows its warnings, and publishes its bytes as XLSForm', async () => {
    const onPublished = vi.fn();
    render(<PublishForm forms={SERVER} locale="en" onPublished={onPublished} onRefused={() => {}} />);
    chooseXlsx(GOOD);
    const preview = await screen.findByRole('region', { name: 'Preview of Grade survey' });
    expect(within(preview).getByRole('radio', { name: 'Female' })).toBeTruthy();
    const years = within(preview).getByLabelText(/Years at your grade/) as HTMLInputElement;
    fireEvent.input(years, { target: { value: '55' } });
    await waitFor(() => expect(within(preview).getByText('From 0 to 40 years.')).toBeTruthy());
    const warnings = screen.getByRole('table', { name: 'Warnings about grade-survey.xlsx: it can be published, but look at these first' });
    expect(rowsOf(warnings)).toEqual([['survey', '4', 'appearance', 'appearance `sparkly` does not change how Fieldbook shows the question; the question works without it']]);

    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    await screen.findByText('Published version 1 of Grade survey.');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.type).toBe(XLSX);
    const sent = new Uint8Array(posted[0]!.body as ArrayBuffer);
    expect(Buffer.from(sent).equals(Buffer.from(buildXlsx(GOOD)))).toBe(true);
    expect(onPublished).toHaveBeenCalledOnce();
  });
});

describe('Download as XLSForm', () => {
  it('fetches the form with the coordinator token and saves it as <id>-v<version>.xlsx', async () => {
    const saved: { name: string; size: number }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, size: 0 });
    });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:xlsform');
    render(<XlsFormDownload formId="grade-survey" version={3} title="Grade survey" onRefused={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download as XLSForm: Grade survey' }));
    await waitFor(() => expect(saved).toEqual([{ name: 'grade-survey-v3.xlsx', size: 0 }]));
    expect((created.mock.calls[0]![0] as Blob).size).toBe(buildXlsx(GOOD).byteLength);
    click.mockRestore();
    created.mockRestore();
  });

  it('says why when the server cannot give it', async () => {
    render(<XlsFormDownload formId="gone" version={1} title="Gone" onRefused={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download as XLSForm: Gone' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The XLSForm could not be downloaded: No API route /api/v1/forms/gone/xlsform.');
  });
});
