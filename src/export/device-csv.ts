// The device's CSV export: this device's finalized submissions of one form (drafts are left
// out), read page by page through the index and written by the same writer as the server's,
// so both give byte-identical files. Rows come in completion order, oldest first.
import { formIn } from '../forms/localize';
import type { Form } from '../forms/schema';
import { exportVersions } from '../storage/catalog';
import { countFinalized, finalizedPages } from '../storage/pages';
import { getSubmissions } from '../storage/submissions';
import { toWire } from '../sync/outbox';
import { BOM, type CsvOptions } from './csv';
import { csvLayout } from './csv-versions';
import { yieldToEventLoop } from './yield';

/** Told after each page: rows written so far, of how many. */
export type ExportProgress = (done: number, total: number) => void;

/** The CSV file's content type; the BOM already says UTF-8 to Excel, the charset to everyone else. */
export const CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * A form's export as a Blob built from one string per page, yielding to the page between pages;
 * labels in `options.locale`. Columns span the latest version and every older one the rows use,
 * exactly as the server lays them out.
 */
export async function exportFormCsv(englishForm: Form, options: CsvOptions, onProgress?: ExportProgress): Promise<Blob> {
  const english = await exportVersions(englishForm.id);
  if (english.length === 0) english.push(englishForm);
  // Labels in French or Spanish need that language's texts of the form (loaded on first use).
  const versions = options.labels && options.locale && options.locale !== 'en' ? await Promise.all(english.map((f) => formIn(f, options.locale!))) : english;
  const layout = csvLayout(versions);
  const byVersion = new Map(versions.map((f) => [f.version, f]));
  const form = versions[0]!;
  const total = await countFinalized(form.id);
  const parts: string[] = [BOM + layout.header];
  let done = 0;
  onProgress?.(done, total);
  for await (const page of finalizedPages(form.id)) {
    let chunk = '';
    for (const record of page) chunk += layout.row(byVersion.get(record.formVersion) ?? form, toWire(record), options);
    parts.push(chunk);
    done += page.length;
    // Responses finalized during the export are included, so the total can grow.
    onProgress?.(done, Math.max(total, done));
    await yieldToEventLoop();
  }
  return new Blob(parts, { type: CSV_TYPE });
}

/** Labels in French or Spanish need that language's texts of the form (loaded on first use). */
async function formForLabels(englishForm: Form, options: CsvOptions): Promise<Form> {
  return options.labels && options.locale && options.locale !== 'en' ? formIn(englishForm, options.locale) : englishForm;
}

/**
 * The export of some of a form's submissions by id (a workshop session's, a few dozen): the
 * finalized ones only, in completion order, in the same format as the whole form's export.
 */
export async function exportSubmissionsCsv(englishForm: Form, ids: readonly string[], options: CsvOptions, onProgress?: ExportProgress): Promise<Blob> {
  const form = await formForLabels(englishForm, options);
  const records = (await getSubmissions(ids))
    .filter((r) => r.formId === form.id && r.status !== 'draft' && r.meta.completedAt !== undefined)
    .sort((a, b) => (a.meta.completedAt! < b.meta.completedAt! ? -1 : a.meta.completedAt! > b.meta.completedAt! ? 1 : a.id < b.id ? -1 : 1));
  // A session's responses are all on the version it was started with.
  const layout = csvLayout([form]);
  onProgress?.(0, records.length);
  let body = BOM + layout.header;
  for (const record of records) body += layout.row(form, toWire(record), options);
  onProgress?.(records.length, records.length);
  return new Blob([body], { type: CSV_TYPE });
}
