// A workbook as the importer sees it: sheets of rows of cells, every cell already the text the
// form means. Excel stores some texts as numbers or dates (a choice named 1, a version 2024-01-02);
// XLSForm reads them back as text, and so do we. Pure: the .xlsx reading itself is in read.ts.

/** A cell as a spreadsheet reader gives it. */
export type RawCell = string | number | boolean | Date | null | undefined;

/** One sheet: its name as written and its rows (row 1 of the spreadsheet is rows[0]). */
export interface RawSheet {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A cell as the text XLSForm reads: trimmed; a date as YYYY-MM-DD (with the time if it has one); a number without `.0`. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const day = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const ms = cell.getTime() % 86_400_000;
    return ms === 0 ? day : `${day}T${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return String(cell);
    // Excel keeps 15 significant digits: 0.1 + 0.2 typed as 0.3 comes back as 0.3.
    return String(Number(cell.toPrecision(15)));
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  // No-break spaces as plain ones, as pyxform reads them.
  return cell.replace(/\u00a0/g, ' ').trim();
}
