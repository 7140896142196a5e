// The device's CSV export: this device's finalized submissions of one form (drafts are left
// out), read page by page through the index and written by the same writer as the server's,
// so both give byte-identical files. Rows come in completion order, oldest first.
import { strToU8, zipSync } from 'fflate';
import { formIn } from '../forms/localize';
import { repeatsOf, type Form } from '../forms/schema';
import { exportVersions } from '../storage/catalog';
import { countFinalized, finalizedPages } from '../storage/pages';
import { getSubmissions } from '../storage/submissions';
import { toWire } from '../sync/outbox';
import { BOM, csvFileName, type CsvOptions } from './csv';
import { repeatCsvFileName, repeatCsvLayout } from './csv-repeat';
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
  const { main } = await exportTexts(englishForm, options, false, onProgress);
  return new Blob(main, { type: CSV_TYPE });
}

/** A ZIP's content type. */
export const ZIP_TYPE = 'application/zip';

/**
 * A form's export as a file to save: the CSV alone when no version in use has a repeat, else a
 * ZIP holding the main CSV and one CSV per repeat (the server's `?repeat=` files, same bytes).
 */
export async function exportFormFiles(englishForm: Form, options: CsvOptions, now: Date, onProgress?: ExportProgress): Promise<{ blob: Blob; fileName: string }> {
  const { form, main, repeats } = await exportTexts(englishForm, options, true, onProgress);
  if (repeats.length === 0) return { blob: new Blob(main, { type: CSV_TYPE }), fileName: csvFileName(form, now) };
  const files: Record<string, Uint8Array> = { [csvFileName(form, now)]: strToU8(main.join('')) };
  for (const { repeat, parts } of repeats) files[repeatCsvFileName(form, repeat, now)] = strToU8(parts.join(''));
  const zipped = zipSync(files, { level: 6, mtime: now });
  return { blob: new Blob([zipped as Uint8Array<ArrayBuffer>], { type: ZIP_TYPE }), fileName: `${form.id}-${now.toISOString().slice(0, 10)}.zip` };
}

/** The texts of the main file (and, when asked, of each repeat's file), read page by page through the index. */
async function exportTexts(englishForm: Form, options: CsvOptions, withRepeats: boolean, onProgress?: ExportProgress): Promise<{ form: Form; main: string[]; repeats: { repeat: string; parts: string[] }[] }> {
  const english = await exportVersions(englishForm.id);
  if (english.length === 0) english.push(englishForm);
  // Labels in French or Spanish need that language's texts of the form (loaded on first use).
  const versions = options.labels && options.locale && options.locale !== 'en' ? await Promise.all(english.map((f) => formIn(f, options.locale!))) : english;
  const layout = csvLayout(versions);
  const byVersion = new Map(versions.map((f) => [f.version, f]));
  const form = versions[0]!;
  const names = withRepeats ? [...new Set(versions.flatMap((f) => repeatsOf(f).map((r) => r.id)))] : [];
  const repeats = names.map((repeat) => ({ repeat, layout: repeatCsvLayout(versions, repeat)!, parts: [] as string[] }));
  for (const r of repeats) r.parts.push(BOM + r.layout.header);
  const total = await countFinalized(form.id);
  const parts: string[] = [BOM + layout.header];
  let done = 0;
  onProgress?.(done, total);
  for await (const page of finalizedPages(form.id)) {
    let chunk = '';
    for (const record of page) {
      const version = byVersion.get(record.formVersion) ?? form;
      const wire = toWire(record);
      chunk += layout.row(version, wire, options);
      for (const r of repeats) r.parts.push(r.layout.rows(version, wire, options));
    }
    parts.push(chunk);
    done += page.length;
    // Responses finalized during the export are included, so the total can grow.
    onProgress?.(done, Math.max(total, done));
    await yieldToEventLoop();
  }
  return { form, main: parts, repeats: repeats.map(({ repeat, parts: p }) => ({ repeat, parts: p })) };
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
