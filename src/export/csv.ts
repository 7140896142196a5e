// The CSV export of PRODUCT.md section 6, shared by the browser app and the server so
// both write byte-identical files. Pure functions only: nothing Node- or DOM-specific.
import { likertWord, yesNoWord } from '../forms/choice-words';
import { parseGeopoint } from '../forms/geo';
import type { Form, Locale, Question } from '../forms/schema';
import { questionsIn } from '../forms/schema';
import type { Submission } from '../forms/submission';
import { textIn } from '../forms/texts';

/** UTF-8 byte-order mark, so Excel reads the file as UTF-8. Write it once, first. */
export const BOM = '\uFEFF';

/** Line end of every record, header included (RFC 4180). */
export const CRLF = '\r\n';

/** The columns every export starts with, before the form's questions. */
export const FIXED_COLUMNS = [
  'submission_id',
  'form_id',
  'form_version',
  'device_id',
  'enumerator',
  'started_at',
  'completed_at',
] as const;

export interface CsvOptions {
  /** Option labels (and words for yes/no and likert points) instead of codes. Headers stay ids. */
  labels: boolean;
  /**
   * Language of the labels; English when absent. Option labels come from the form, so pass the
   * form with that language's texts (forms/localize.ts `formIn`); a text it lacks stays English.
   */
  locale?: Locale;
  /** A language of the form's own texts (any key of `form.languages`, e.g. `ar`) for option labels; else `locale`. */
  language?: string;
}

/** One cell before escaping: numbers stay numbers, `undefined` is an empty cell. */
export type CellValue = string | number | undefined;

// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text that would start a formula gets a leading `'`, which spreadsheets show as text. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell as written in the file: text neutralized against formulas, then quoted per
 * RFC 4180 when it holds a quote, comma or line break. Numbers are written as numbers.
 */
export function escapeCell(value: CellValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record: escaped cells joined by commas, ended by CRLF. */
export function csvLine(cells: readonly CellValue[]): string {
  return cells.map(escapeCell).join(',') + CRLF;
}

/** A geopoint's four columns, `qid/latitude` … in this order (PRODUCT.md section 7). */
export const GEOPOINT_PARTS = ['latitude', 'longitude', 'altitude', 'accuracy'] as const;
export type GeopointPart = (typeof GEOPOINT_PARTS)[number];

/** A question's column names: one, `qid/option_id` per option of a multi, `qid/latitude` … for a geopoint. */
export function questionColumns(q: Question): string[] {
  if (q.type === 'multi') return (q.options ?? []).map((o) => `${q.id}/${o.id}`);
  if (q.type === 'geopoint') return GEOPOINT_PARTS.map((part) => `${q.id}/${part}`);
  return [q.id];
}

/** The questions with columns in one file: the main file's (`repeat` undefined) or a repeat's; a repeat gets its own file, not columns. */
export function csvQuestions(form: Form, repeat?: string): Question[] {
  return questionsIn(form, repeat).filter((q) => q.type !== 'repeat');
}

/** Column names in order: the fixed ones, then each question's (`questionColumns`). */
export function csvColumns(form: Form): string[] {
  const columns: string[] = [...FIXED_COLUMNS];
  for (const q of csvQuestions(form)) columns.push(...questionColumns(q));
  return columns;
}

/** The header record (without the BOM). */
export function csvHeader(form: Form, _options?: CsvOptions): string {
  return csvLine(csvColumns(form));
}

function optionLabel(q: Question, id: string, options: CsvOptions): string {
  const option = q.options?.find((o) => o.id === id);
  return option ? textIn(option.label, options.language ?? options.locale ?? 'en') : id;
}

/** A value that does not fit its question's type (e.g. from an older form version), written as plainly as possible. */
function looseCell(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(String).join(';');
  return undefined;
}

/** A geopoint's four cells, numbers as numbers (a text would be taken for a formula when negative); a value that is not a location keeps its text in the first. */
export function geopointCells(value: unknown): CellValue[] {
  if (value === undefined) return GEOPOINT_PARTS.map(() => undefined);
  const point = typeof value === 'string' ? parseGeopoint(value) : undefined;
  if (!point) return [looseCell(value), undefined, undefined, undefined];
  return GEOPOINT_PARTS.map((part) => point[part]);
}

/** The cells of one question: one, one per option for a multi, four for a geopoint. */
export function questionCells(q: Question, value: unknown, options: CsvOptions): CellValue[] {
  if (q.type === 'geopoint') return geopointCells(value);
  if (q.type === 'multi') {
    const ids = (q.options ?? []).map((o) => o.id);
    if (!Array.isArray(value)) return ids.map(() => undefined);
    return ids.map((id) => (value.includes(id) ? 1 : 0));
  }
  if (value === undefined) return [undefined];
  if (!options.labels) return [looseCell(value)];
  if (q.type === 'single' && typeof value === 'string') return [optionLabel(q, value, options)];
  if (q.type === 'yesno' && typeof value === 'string') return [yesNoWord(value, options.locale ?? 'en')];
  if (q.type === 'likert' && typeof value === 'number') return [likertWord(value, options.locale ?? 'en') ?? value];
  return [looseCell(value)];
}

/** The cells of one submission, in `csvColumns` order. */
export function csvCells(form: Form, submission: Submission, options: CsvOptions): CellValue[] {
  const { meta } = submission;
  const cells: CellValue[] = [
    submission.id,
    submission.formId,
    submission.formVersion,
    meta.deviceId,
    meta.enumerator,
    meta.startedAt,
    meta.completedAt,
  ];
  const answers: Readonly<Record<string, unknown>> = submission.answers;
  for (const q of csvQuestions(form)) {
    const value = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    cells.push(...questionCells(q, value, options));
  }
  return cells;
}

/** One submission's record, CRLF included. */
export function csvRow(form: Form, submission: Submission, options: CsvOptions): string {
  return csvLine(csvCells(form, submission, options));
}

/** A whole file in memory, BOM first: for the device, whose exports are small. The server streams instead. */
export function toCsv(form: Form, submissions: Iterable<Submission>, options: CsvOptions): string {
  const parts = [BOM, csvHeader(form, options)];
  for (const s of submissions) parts.push(csvRow(form, s, options));
  return parts.join('');
}

/** A file name for a form's export, e.g. `workshop-feedback-2024-05-14.csv`. */
export function csvFileName(form: Form, date: Date): string {
  return `${form.id}-${date.toISOString().slice(0, 10)}.csv`;
}
