// Whole CSV files (PRODUCT.md section 6), beside csv.test.ts's cell table: hard texts inside
// real records read back by a strict RFC 4180 parser, then the file's bytes and layout.
import { describe, expect, it } from 'vitest';
import { BOM, csvColumns, FIXED_COLUMNS, toCsv } from '../../src/export/csv';
import { parseForm } from '../../src/forms/load';
import type { Answers } from '../../src/forms/relevance';
import type { Form } from '../../src/forms/schema';
import type { Submission } from '../../src/forms/submission';
import { parseCsv, parseCsvObjects } from '../helpers/csv-parse';
import { definitionWith, EVERY_TYPE } from '../fixtures/forms';

const META = {
  deviceId: 'device-1',
  enumerator: 'Amina',
  locale: 'en' as const,
  appVersion: '0.1.0',
  startedAt: '2024-05-14T09:00:00.000Z',
  completedAt: '2024-05-14T09:10:00.000Z',
};

let n = 0;
function submission(answers: Answers, form: Form = EVERY_TYPE, meta: Partial<typeof META> = {}): Submission {
  n++;
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, formId: form.id, formVersion: form.version, answers, meta: { ...META, ...meta } };
}

/** The file without its BOM, after checking the BOM is there, as UTF-8 bytes. */
function body(csv: string): string {
  const bytes = new TextEncoder().encode(csv);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.startsWith(BOM)).toBe(true);
  return csv.slice(BOM.length);
}

/** One data row of a one-submission file, by column name. */
function onlyRow(csv: string): Record<string, string> {
  const rows = parseCsvObjects(body(csv));
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('a hard text inside a whole file', () => {
  // [what, text answer, cell as a strict parser reads it back]
  it.each<[string, string, string]>([
    ['a double quote', 'He said "no"', 'He said "no"'],
    ['a comma', 'Dhaka, Bangladesh', 'Dhaka, Bangladesh'],
    ['CR LF inside', 'one\r\ntwo', 'one\r\ntwo'],
    ['a bare LF', 'one\ntwo', 'one\ntwo'],
    ['a bare CR', 'one\rtwo', 'one\rtwo'],
    ['leading =', '=1+1', "'=1+1"],
    ['leading +', '+41 22 717 9111', "'+41 22 717 9111"],
    ['leading - (text, not a number)', '-5', "'-5"],
    ['leading @', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['leading tab', '\tindented', "'\tindented"],
    ['leading CR', '\rback', "'\rback"],
    ['Arabic', 'ملاحظات الورشة', 'ملاحظات الورشة'],
    ['Chinese', '研讨会很有用', '研讨会很有用'],
    ['spaces kept', '  spaced  ', '  spaced  '],
  ])('%s keeps its record and its neighbours intact', (_what, text, read) => {
    const csv = toCsv(EVERY_TYPE, [submission({ name: text, bio: text, age: -5, sex: 'female' })], { labels: false });
    const row = onlyRow(csv);
    expect(row.name).toBe(read);
    expect(row.bio).toBe(read);
    expect(row.age).toBe('-5');
    expect(row.sex).toBe('female');
  });
});

describe('the file', () => {
  const rows = [
    submission({ name: 'A', colour: 'red', fruits: ['apple', 'plum'], consent: 'yes', consent_details: 'ok', happy: 4, sex: 'female' }),
    submission({ name: 'B', fruits: ['other'], fruits_other: 'kiwi', consent: 'no', sex: 'male' }),
    submission({ name: 'C', sex: 'other' }),
  ];

  it('starts with the UTF-8 BOM and ends every record, header included, with CRLF', () => {
    const csv = toCsv(EVERY_TYPE, rows, { labels: false });
    const text = body(csv);
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted cells, every line feed follows a carriage return (the strict parser checks too).
    expect(parseCsv(text)).toHaveLength(1 + rows.length);
    expect(text.split('\r\n')).toHaveLength(2 + rows.length);
  });

  it('has the fixed columns, then one per question in form order, one per option of a multi', () => {
    const header = parseCsv(body(toCsv(EVERY_TYPE, [], { labels: false })))[0];
    expect(header).toEqual([
      ...FIXED_COLUMNS,
      'name',
      'bio',
      'age',
      'height_m',
      'visit_date',
      'colour',
      'fruits/apple',
      'fruits/pear',
      'fruits/plum',
      'fruits/other',
      'fruits_other',
      'consent',
      'consent_details',
      'happy',
      'sex',
    ]);
    expect(header).toEqual(csvColumns(EVERY_TYPE));
  });

  it('writes the fixed columns from the submission and its meta', () => {
    const s = submission({ name: 'A', sex: 'female' }, EVERY_TYPE, { enumerator: '=Boss, "B"' });
    const row = onlyRow(toCsv(EVERY_TYPE, [s], { labels: false }));
    expect(row).toMatchObject({
      submission_id: s.id,
      form_id: 'test-form',
      form_version: '1',
      device_id: 'device-1',
      enumerator: `'=Boss, "B"`,
      started_at: META.startedAt,
      completed_at: META.completedAt,
    });
  });

  it('writes a multi as 1 and 0 per option, options nobody picked included; an unanswered multi as empty cells', () => {
    const [a, b, c] = parseCsvObjects(body(toCsv(EVERY_TYPE, rows, { labels: false })));
    const fruits = (r: Record<string, string> | undefined) => ['apple', 'pear', 'plum', 'other'].map((o) => r?.[`fruits/${o}`]);
    expect(fruits(a)).toEqual(['1', '0', '1', '0']);
    expect(fruits(b)).toEqual(['0', '0', '0', '1']);
    expect(fruits(c)).toEqual(['', '', '', '']);
  });

  it('leaves unanswered and irrelevant questions empty', () => {
    const [a, b, c] = parseCsvObjects(body(toCsv(EVERY_TYPE, rows, { labels: false })));
    expect(a).toMatchObject({ bio: '', fruits_other: '', consent_details: 'ok' });
    expect(b).toMatchObject({ consent: 'no', consent_details: '', fruits_other: 'kiwi', happy: '' });
    expect(c).toMatchObject({ colour: '', consent: '', visit_date: '' });
  });

  it('writes codes by default and labels on request; column names stay ids', () => {
    const codes = parseCsvObjects(body(toCsv(EVERY_TYPE, rows, { labels: false })))[0];
    const labels = parseCsvObjects(body(toCsv(EVERY_TYPE, rows, { labels: true })))[0];
    expect(codes).toMatchObject({ colour: 'red', consent: 'yes', happy: '4', sex: 'female', 'fruits/apple': '1' });
    expect(labels).toMatchObject({ colour: 'Red', consent: 'Yes', happy: 'Agree', sex: 'Female', 'fruits/apple': '1' });
  });

  it('writes labels in the language asked for, English where a label has no translation', () => {
    const form = parseForm({
      ...definitionWith([{ id: 'colour', type: 'single', label: 'Colour', options: [{ id: 'red', label: { en: 'Red', fr: 'Rouge' } }, { id: 'blue', label: 'Blue' }] }]),
    });
    const csv = toCsv(form, [submission({ colour: 'red', sex: 'male' }, form), submission({ colour: 'blue', sex: 'male' }, form)], { labels: true, locale: 'fr' });
    expect(parseCsvObjects(body(csv)).map((r) => r.colour)).toEqual(['Rouge', 'Blue']);
  });

  it('keeps the current version’s columns for rows of an older version, whatever the answers’ key order', () => {
    const v1 = parseForm(definitionWith([{ id: 'first', type: 'text', label: 'First' }]));
    const v2 = parseForm({ ...definitionWith([{ id: 'first', type: 'text', label: 'First' }, { id: 'added', type: 'yesno', label: 'Added later' }]), version: 2 });
    const old = submission({ sex: 'female', first: 'old' }, v1);
    const current = submission({ added: 'yes', sex: 'male', first: 'new' }, v2);
    const parsed = parseCsv(body(toCsv(v2, [old, current], { labels: false })));
    expect(parsed[0]).toEqual([...FIXED_COLUMNS, 'first', 'added', 'sex']);
    expect(parsed[1]!.slice(FIXED_COLUMNS.length)).toEqual(['old', '', 'female']);
    expect(parsed[2]!.slice(FIXED_COLUMNS.length)).toEqual(['new', 'yes', 'male']);
    expect(parsed[1]![2]).toBe('1');
  });
});
