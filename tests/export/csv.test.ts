// The shared CSV writer, from a table of hard cells.
import { describe, expect, it } from 'vitest';
import { BOM, CRLF, csvColumns, csvHeader, csvRow, escapeCell, neutralizeFormula, toCsv, type CellValue } from '../../src/export/csv';
import { parseForm } from '../../src/forms/load';
import { findForm } from '../../src/forms/index';
import type { Form } from '../../src/forms/schema';
import { makeSubmission } from '../fixtures/submissions';
import { parseCsv } from '../helpers/csv-parse';

/** [cell, as written in the file] */
const HARD_CELLS: [CellValue, string][] = [
  ['plain', 'plain'],
  ['', ''],
  [undefined, ''],
  [0, '0'],
  [42, '42'],
  [-7, '-7'],
  [3.25, '3.25'],
  [-0.5, '-0.5'],
  ['a,b', '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ['"', '""""'],
  ['line\nbreak', '"line\nbreak"'],
  ['line\r\nbreak', '"line\r\nbreak"'],
  ['=1+1', "'=1+1"],
  ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
  ['+33 1 23 45', "'+33 1 23 45"],
  ['-5', "'-5"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['\tindent', "'\tindent"],
  ['\rreturn', `"'\rreturn"`],
  ['a=b', 'a=b'],
  [' =not first', ' =not first'],
  ["'already quoted", "'already quoted"],
  ['مرحبا، بكم', 'مرحبا، بكم'],
  ['你好，世界', '你好，世界'],
  ['Très bien, café', '"Très bien, café"'],
  ['emoji 👩🏽‍🌾', 'emoji 👩🏽‍🌾'],
  ['２＝full-width', '２＝full-width'],
];

describe('escapeCell', () => {
  it.each(HARD_CELLS)('%j → %j', (cell, written) => {
    expect(escapeCell(cell)).toBe(written);
  });

  it.each(HARD_CELLS.filter(([cell]) => typeof cell === 'string'))('%j reads back as itself, neutralized', (cell) => {
    const [[read]] = parseCsv(`${escapeCell(cell)}${CRLF}`) as [[string]];
    expect(read).toBe(neutralizeFormula(cell as string));
  });
});

const form: Form = parseForm({
  id: 'tiny',
  version: 3,
  title: 'Tiny',
  sections: [
    {
      id: 'only',
      title: 'Only',
      questions: [
        {
          id: 'sex',
          type: 'single',
          label: 'Sex',
          required: true,
          options: [
            { id: 'female', label: { en: 'Female', fr: 'Femme' } },
            { id: 'male', label: 'Male' },
            { id: 'other', label: 'Other' },
            { id: 'prefer_not_to_say', label: 'Prefer not to say' },
          ],
        },
        { id: 'note', type: 'text', label: 'Note' },
        { id: 'count', type: 'integer', label: 'Count', min: -10 },
        {
          id: 'topics',
          type: 'multi',
          label: 'Topics',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        },
        { id: 'agree', type: 'likert', label: 'Agree?' },
        { id: 'yearly', type: 'yesno', label: 'Yearly?' },
      ],
    },
  ],
});

const submission = {
  id: '6f1c2f46-9d7b-4f55-9a39-0c2a2f6a8a11',
  formId: 'tiny',
  formVersion: 3,
  answers: { sex: 'female', note: '=cmd|"/c calc"!A1', count: -3, topics: ['b'], agree: 2, yearly: 'yes' },
  meta: {
    deviceId: 'd1',
    enumerator: 'Zoë',
    locale: 'fr' as const,
    appVersion: '1',
    startedAt: '2024-05-14T09:00:00Z',
    completedAt: '2024-05-14T09:10:00Z',
  },
};

describe('header and rows', () => {
  it('has the fixed columns, the question ids, and one column per multi option', () => {
    const fixed = ['submission_id', 'form_id', 'form_version', 'device_id', 'enumerator', 'started_at', 'completed_at'];
    expect(csvColumns(form)).toEqual([...fixed, 'sex', 'note', 'count', 'topics/a', 'topics/b', 'agree', 'yearly']);
    expect(csvHeader(form)).toBe(`${csvColumns(form).join(',')}${CRLF}`);
  });

  it('writes codes by default: numbers as numbers, multi as 1/0, formulas neutralized', () => {
    expect(csvRow(form, submission, { labels: false })).toBe(
      `${submission.id},tiny,3,d1,Zoë,2024-05-14T09:00:00Z,2024-05-14T09:10:00Z,female,"'=cmd|""/c calc""!A1",-3,0,1,2,yes${CRLF}`,
    );
  });

  it('writes labels on request, in the asked language where the form has it', () => {
    expect(csvRow(form, submission, { labels: true, locale: 'fr' })).toContain(',Femme,');
    expect(csvRow(form, submission, { labels: true })).toMatch(/,Female,.*,-3,0,1,Disagree,Yes\r\n$/);
  });

  it('leaves unanswered cells empty, a multi included', () => {
    const bare = { ...submission, answers: { sex: 'male' } };
    expect(csvRow(form, bare, { labels: false }).endsWith(`,male,,,,,,${CRLF}`)).toBe(true);
  });

  it('writes a whole file with the BOM first and parses back to the same shape', () => {
    const real = findForm('workshop-feedback') as Form;
    const rows = [makeSubmission('workshop-feedback', { answerAll: true }), makeSubmission('workshop-feedback')];
    const file = toCsv(real, rows, { labels: false });
    expect(file.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(file).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const parsed = parseCsv(file.slice(1));
    expect(parsed).toHaveLength(3);
    expect(parsed[0]).toEqual(csvColumns(real));
  });
});
