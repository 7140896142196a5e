// One CSV per repeat (PRODUCT.md section 7): a row per instance, `submission_id, repeat_index,
// parent_index`, then the repeat's own questions. Shared by the device and the server, so both
// write the same bytes. Instances are numbered 1, 2, 3 … within each submission in form order,
// across all parent instances, so `(submission_id, parent_index)` finds the parent's row in the
// parent repeat's file by its `(submission_id, repeat_index)`.
import { expandPaths, pathKey, recordAt, type InstancePath } from '../forms/instances';
import { logicOf } from '../forms/logic';
import type { Form } from '../forms/schema';
import type { Submission } from '../forms/submission';
import { csvLine, csvQuestions, type CellValue, type CsvOptions } from './csv';
import { cellFor, columnName, questionColumnsOf, type Column } from './csv-versions';

/** The columns every repeat file starts with. */
export const REPEAT_FIXED_COLUMNS = ['submission_id', 'repeat_index', 'parent_index'] as const;

/** The header and a row writer for one repeat's file across a form's versions. */
export interface RepeatCsvLayout {
  /** The header record (without the BOM). */
  header: string;
  /** The records of one submission's instances (none when it has none); `form` is the submission's own version. */
  rows: (form: Form, submission: Submission, options: CsvOptions) => string;
}

/** The repeats holding `repeat` and itself, outermost first. */
function chainOf(form: Form, repeat: string): string[] {
  return [...(logicOf(form).repeats.get(repeat) ?? []), repeat];
}

/** Whether a version of the form has this repeat. */
export function hasRepeat(form: Form, repeat: string): boolean {
  return logicOf(form).items.get(repeat)?.type === 'repeat';
}

function columnsOf(form: Form, repeat: string): Column[] {
  return questionColumnsOf(csvQuestions(form, repeat));
}

/**
 * The layout of one repeat's file for the versions in use (any order), or undefined when none of
 * them has that repeat. Columns: the latest version's questions of the repeat, then those only
 * older versions had; each row reads its own version.
 */
export function repeatCsvLayout(versions: readonly Form[], repeat: string): RepeatCsvLayout | undefined {
  const ordered = [...versions].sort((a, b) => b.version - a.version).filter((f) => hasRepeat(f, repeat));
  if (ordered.length === 0) return undefined;
  const columns: Column[] = [];
  const names = new Set<string>();
  for (const form of ordered) {
    for (const column of columnsOf(form, repeat)) {
      const name = columnName(column);
      if (names.has(name)) continue;
      names.add(name);
      columns.push(column);
    }
  }
  return {
    header: csvLine([...REPEAT_FIXED_COLUMNS, ...names]),
    rows: (form, submission, options) => {
      if (!hasRepeat(form, repeat)) return '';
      const items = logicOf(form).items;
      const chain = chainOf(form, repeat);
      const paths = expandPaths(submission.answers, chain, []);
      if (paths.length === 0) return '';
      // The parent's numbers, as its own file gives them.
      const parentNumber = new Map<string, number>();
      if (chain.length > 1) expandPaths(submission.answers, chain.slice(0, -1), []).forEach((p, i) => parentNumber.set(keyOf(p), i + 1));
      let out = '';
      paths.forEach((path, i) => {
        const record = recordAt(submission.answers, path) ?? {};
        const parent = chain.length > 1 ? parentNumber.get(keyOf(path.slice(0, -1))) : undefined;
        const cells: CellValue[] = [submission.id, i + 1, parent];
        for (const column of columns) {
          const q = items.get(column.question);
          // Only this repeat's own questions (a version may have moved one elsewhere).
          cells.push(q && logicOf(form).repeats.get(q.id)?.at(-1) === repeat ? cellFor(q, column, record, options) : undefined);
        }
        out += csvLine(cells);
      });
      return out;
    },
  };
}

function keyOf(path: InstancePath): string {
  return pathKey(path, '');
}

/** A file name for one repeat's export, e.g. `household-survey-member-2024-05-14.csv`. */
export function repeatCsvFileName(form: Form, repeat: string, date: Date): string {
  return `${form.id}-${repeat}-${date.toISOString().slice(0, 10)}.csv`;
}
