// Problems and warnings of one import, each at its sheet, row and column, in a plain sentence.
import type { FormProblem } from '../problems';

/** Collects what an import finds: problems refuse the form, warnings do not. */
export class Report {
  readonly problems: FormProblem[] = [];
  readonly warnings: FormProblem[] = [];
  private readonly warned = new Set<string>();

  /** A reason the form cannot be published. */
  problem(sheet: string | null, row: number | null, column: string | null, message: string): void {
    this.problems.push({ sheet, row, column, message });
  }

  /** Something kept or left out that the coordinator should know; `once` says it only the first time for that key. */
  warn(sheet: string | null, row: number | null, column: string | null, message: string, once?: string): void {
    if (once !== undefined) {
      if (this.warned.has(once)) return;
      this.warned.add(once);
    }
    this.warnings.push({ sheet, row, column, message });
  }
}

const SHEET_ORDER = [null, 'survey', 'choices', 'settings'];

/** Problems in reading order: the whole workbook, survey, choices, settings, then other sheets; by row within each. */
export function sorted(list: readonly FormProblem[]): FormProblem[] {
  const rank = (sheet: string | null) => {
    const known = SHEET_ORDER.indexOf(sheet === null ? null : sheet.trim().toLowerCase());
    return known >= 0 ? known : SHEET_ORDER.length;
  };
  return [...list].sort((a, b) => rank(a.sheet) - rank(b.sheet) || (a.row ?? 0) - (b.row ?? 0));
}
