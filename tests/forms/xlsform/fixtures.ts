// XLSForms built in the tests: a survey (and optional choices and settings) as rows, imported through a real .xlsx.
import { importXlsForm, type ImportOptions, type ImportResult } from '../../../src/forms/xlsform';
import type { Form } from '../../../src/forms/schema';
import { buildXlsx, type XlsxCell, type XlsxSheets } from '../../helpers/xlsx';

type Rows = (readonly XlsxCell[])[];

/** Imports a workbook with these sheets (settings default to a form_id). */
export async function importRows(survey: Rows, choices?: Rows, settings: Rows | null = [['form_id', 'form_title'], ['test_form', 'Test form']], options?: ImportOptions): Promise<ImportResult> {
  const sheets: XlsxSheets = { survey, ...(choices ? { choices } : {}), ...(settings ? { settings } : {}) };
  return importXlsForm(buildXlsx(sheets), options);
}

/** Imports and expects success: the form. */
export async function importForm(survey: Rows, choices?: Rows, settings?: Rows | null): Promise<{ form: Form; warnings: ImportResult['warnings'] }> {
  const result = await importRows(survey, choices, settings);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems, null, 1)}`);
  return { form: result.form, warnings: result.warnings };
}

/** Imports and expects a refusal: the problems. */
export async function importProblems(survey: Rows, choices?: Rows, settings?: Rows | null) {
  const result = await importRows(survey, choices, settings);
  if (result.ok) throw new Error(`imported: ${JSON.stringify(result.form)}`);
  return result.problems;
}
