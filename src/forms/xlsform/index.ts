// XLSForm import (docs/forms.md): `importXlsForm(bytes)` in the browser and on the server alike.
import { importSheets, type ImportOptions, type ImportResult } from './import';
import { readWorkbook } from './read';

export { importSheets, type ImportOptions, type ImportResult } from './import';
export { isRightToLeft, languageKey, languageName } from './languages';
export type { RawCell, RawSheet } from './workbook';

/** An .xlsx XLSForm into a form with its warnings, or the problems (sheet, row, column, sentence) that refuse it. */
export async function importXlsForm(bytes: ArrayBuffer | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  let sheets;
  try {
    sheets = await readWorkbook(bytes);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ sheet: null, row: null, column: null, message: `the file is not a readable .xlsx workbook (${why.slice(0, 200)}); save it from your spreadsheet as Excel Workbook (.xlsx)` }], warnings: [] };
  }
  return importSheets(sheets, options);
}
