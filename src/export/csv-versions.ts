// One CSV across a form's versions (PRODUCT.md section 7): the latest version's columns in its
// order, then the columns only older versions had (newest version first); each row is written
// from its own version, so its labels are its own and a question its version lacks is empty.
import { questionsOf, type Form, type Question } from '../forms/schema';
import type { Submission } from '../forms/submission';
import { GEOPOINT_PARTS, csvColumns, csvLine, csvQuestions, csvRow, geopointCells, questionCells, type CellValue, type CsvOptions, type GeopointPart } from './csv';

/** The header and a row writer for one file. */
export interface CsvLayout {
  /** The header record (without the BOM). */
  header: string;
  /** One submission's record; `form` is the submission's own version (in the labels' language). */
  row: (form: Form, submission: Submission, options: CsvOptions) => string;
}

/** One column of a question: the question's own, one option of a multi, or one part of a geopoint. */
export interface Column {
  question: string;
  option?: string;
  /** One of a geopoint's four columns. */
  part?: GeopointPart;
}

const questionMaps = new WeakMap<Form, Map<string, Question>>();
function questionMap(form: Form): Map<string, Question> {
  let map = questionMaps.get(form);
  if (!map) questionMaps.set(form, (map = new Map(questionsOf(form).map((q) => [q.id, q]))));
  return map;
}

function columnsOf(form: Form): Column[] {
  return questionColumnsOf(csvQuestions(form));
}

/** The columns of these questions, in order (`csvColumns`' names, as data). */
export function questionColumnsOf(questions: readonly Question[]): Column[] {
  return questions.flatMap((q): Column[] => {
    if (q.type === 'multi') return (q.options ?? []).map((o) => ({ question: q.id, option: o.id }));
    if (q.type === 'geopoint') return GEOPOINT_PARTS.map((part) => ({ question: q.id, part }));
    return [{ question: q.id }];
  });
}

/** A column's name in the header: `qid`, `qid/option_id` or `qid/latitude` …. */
export function columnName(column: Column): string {
  const suffix = column.option ?? column.part;
  return suffix === undefined ? column.question : `${column.question}/${suffix}`;
}

function cellOf(form: Form, column: Column, answers: Readonly<Record<string, unknown>>, options: CsvOptions): CellValue {
  return cellFor(questionMap(form).get(column.question), column, answers, options);
}

/** One column's cell for question `q` (undefined: a version without it) in a record of answers. */
export function cellFor(q: Question | undefined, column: Column, answers: Readonly<Record<string, unknown>>, options: CsvOptions): CellValue {
  if (!q) return undefined;
  const value = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
  // A question keeps its type across versions (PRODUCT.md section 7), so a part column meets a geopoint.
  if (column.part !== undefined) return q.type === 'geopoint' ? geopointCells(value)[GEOPOINT_PARTS.indexOf(column.part)] : undefined;
  if (column.option === undefined) return questionCells(q, value, options)[0];
  if (!q.options?.some((o) => o.id === column.option) || !Array.isArray(value)) return undefined;
  return value.includes(column.option) ? 1 : 0;
}

/**
 * The layout for a file whose rows use `versions` (any order; the latest must be among them).
 * With one version it is exactly the single-form CSV; otherwise rows are matched by question id.
 */
export function csvLayout(versions: readonly Form[]): CsvLayout {
  const ordered = [...versions].sort((a, b) => b.version - a.version);
  const latest = ordered[0];
  if (!latest) throw new Error('a CSV layout needs at least one form version');
  const columns = columnsOf(latest);
  const names = new Set(csvColumns(latest));
  for (const older of ordered.slice(1)) {
    for (const column of columnsOf(older)) {
      const name = columnName(column);
      if (names.has(name)) continue;
      names.add(name);
      columns.push(column);
    }
  }
  const header = csvLine([...names]);
  if (ordered.length === 1) return { header, row: csvRow };
  const extra = columns.length - columnsOf(latest).length;
  return {
    header,
    row: (form, s, options) => {
      // The latest version's own row is the single-form row plus empty cells for older columns.
      if (form.version === latest.version) return extra === 0 ? csvRow(form, s, options) : csvRow(form, s, options).slice(0, -2) + ','.repeat(extra) + '\r\n';
      const m = s.meta;
      const cells: CellValue[] = [s.id, s.formId, s.formVersion, m.deviceId, m.enumerator, m.startedAt, m.completedAt];
      for (const column of columns) cells.push(cellOf(form, column, s.answers, options));
      return csvLine(cells);
    },
  };
}
