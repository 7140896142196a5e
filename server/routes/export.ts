// GET /api/v1/forms/{formId}/submissions.csv: everything stored for a form, streamed
// row by row from the database so memory stays flat however many rows there are.
// `?repeat=<name>` gives that repeat's file instead: one row per instance (src/export/csv-repeat.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BOM, type CsvOptions } from '../../src/export/csv';
import { csvLayout } from '../../src/export/csv-versions';
import { repeatCsvLayout } from '../../src/export/csv-repeat';
import { isLocale } from '../../src/forms/locale';
import { formIn } from '../../src/forms/localize';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { versionsInUse } from '../forms';
import { drained, HttpError } from '../http';

/** Rows are gathered into writes of about this size: fewer syscalls, still bounded memory. */
const WRITE_CHUNK_CHARS = 64 * 1024;

/** `?labels=1` (or `true`) for labels instead of codes; `?lang=fr` (any language of the form; `locale=` too) for their language. */
export function csvOptionsFrom(search: URLSearchParams): CsvOptions {
  const labels = ['1', 'true', 'yes'].includes(search.get('labels') ?? '');
  const lang = search.get('lang') ?? search.get('locale');
  if (lang === null || lang === '') return { labels };
  // Any language of a form's own texts (an XLSForm's `ar`, `sw` …) labels its options; en, fr and es also word yes/no and likert.
  if (isLocale(lang)) return { labels, locale: lang, language: lang };
  if (lang.length > 100 || /[\u0000-\u001f]/.test(lang)) throw new HttpError(400, 'bad_request', 'The language must be a language of the form, such as fr or ar.');
  return { labels, language: lang };
}

/** The row writer of one repeat's file, shaped like the main file's; 404 when no version in use has that repeat. */
function repeatLayout(versions: Parameters<typeof repeatCsvLayout>[0], repeat: string, formId: string): { header: string; row: ReturnType<typeof csvLayout>['row'] } {
  const layout = repeat.length <= 200 ? repeatCsvLayout(versions, repeat) : undefined;
  if (!layout) throw new HttpError(404, 'not_found', `Form "${formId}" has no repeat "${repeat.slice(0, 100)}".`);
  return { header: layout.header, row: layout.rows };
}

/** Streams the CSV; the coordinator token only. */
export async function handleExport(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string, search: URLSearchParams): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const options = csvOptionsFrom(search);
  const english = await versionsInUse(ctx.store.forms, formId);
  if (!english) throw new HttpError(404, 'not_found', `No form "${formId}" on this server.`);
  if (options.language !== undefined && options.locale === undefined && !english.some((f) => f.languages?.includes(options.language!))) {
    throw new HttpError(400, 'bad_request', `Unknown language "${options.language.slice(0, 20)}": use en, fr, es or a language of the form.`);
  }
  // Labels in French or Spanish come from that language's pack (built-in forms) or the form's own texts.
  const versions = options.labels && options.locale && options.locale !== 'en' ? await Promise.all(english.map((f) => formIn(f, options.locale!))) : english;
  const byVersion = new Map(versions.map((f) => [f.version, f]));
  const repeat = search.get('repeat');
  const layout = repeat === null ? csvLayout(versions) : repeatLayout(versions, repeat, formId);
  const form = versions[0]!;
  res.writeHead(200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${form.id}${repeat === null ? '' : `-${repeat.replace(/[^A-Za-z0-9_.-]/g, '_')}`}-submissions.csv"`,
    'Cache-Control': 'no-store',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let pending = BOM + layout.header;
  // Breaking out of the loop closes the database reader (see iterateForm).
  for await (const stored of ctx.store.iterateForm(form.id)) {
    pending += layout.row(byVersion.get(stored.formVersion) ?? form, stored.submission, options);
    if (pending.length < WRITE_CHUNK_CHARS) continue;
    const more = res.write(pending);
    pending = '';
    if (!more && !(await drained(res))) return;
    if (res.destroyed) return;
  }
  res.end(pending);
}
