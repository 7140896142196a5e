// The device's CSV export: this device's finalized submissions of one form (drafts are left
// out), read page by page through the index and written by the same writer as the server's,
// so both give byte-identical files. Rows come in completion order, oldest first.
import { formIn } from '../forms/localize';
import type { Form } from '../forms/schema';
import { countFinalized, finalizedPages } from '../storage/pages';
import { toWire } from '../sync/outbox';
import { BOM, csvHeader, csvRow, type CsvOptions } from './csv';
import { yieldToEventLoop } from './yield';

/** Told after each page: rows written so far, of how many. */
export type ExportProgress = (done: number, total: number) => void;

/** The CSV file's content type; the BOM already says UTF-8 to Excel, the charset to everyone else. */
export const CSV_TYPE = 'text/csv;charset=utf-8';

/** A form's export as a Blob built from one string per page, yielding to the page between pages; labels in `options.locale`. */
export async function exportFormCsv(englishForm: Form, options: CsvOptions, onProgress?: ExportProgress): Promise<Blob> {
  // Labels in French or Spanish need that language's texts of the form (loaded on first use).
  const form = options.labels && options.locale && options.locale !== 'en' ? await formIn(englishForm, options.locale) : englishForm;
  const total = await countFinalized(form.id);
  const parts: string[] = [BOM + csvHeader(form, options)];
  let done = 0;
  onProgress?.(done, total);
  for await (const page of finalizedPages(form.id)) {
    let chunk = '';
    for (const record of page) chunk += csvRow(form, toWire(record), options);
    parts.push(chunk);
    done += page.length;
    // Responses finalized during the export are included, so the total can grow.
    onProgress?.(done, Math.max(total, done));
    await yieldToEventLoop();
  }
  return new Blob(parts, { type: CSV_TYPE });
}
