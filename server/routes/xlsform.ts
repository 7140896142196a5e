// GET /api/v1/forms/{formId}/xlsform: a published version as an XLSForm .xlsx that publishes back
// unchanged (src/forms/xlsform/write.ts), so a coordinator edits a form in a spreadsheet.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FormSchema } from '../../src/forms/schema';
import { formToXlsx } from '../../src/forms/xlsform/write';
import { requireCaller } from '../auth';
import type { Context } from '../context';
import { HttpError } from '../http';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The latest version, or `?version=N`, as an .xlsx attachment (coordinator only). */
export async function handleXlsForm(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string, search: URLSearchParams): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const asked = search.get('version');
  if (asked !== null && !/^[1-9][0-9]{0,8}$/.test(asked)) throw new HttpError(400, 'bad_request', 'version must be a whole number from 1, as in ?version=2.');
  const entry = await ctx.store.forms.entry(formId);
  if (!entry) throw new HttpError(404, 'not_found', `No form "${formId}" on this server.`);
  const row = asked === null ? entry.latest : await ctx.store.forms.version(formId, Number(asked));
  if (!row) throw new HttpError(404, 'not_found', `Form "${formId}" has no published version ${asked}.`);
  // Exactly the stored definition: the built-in forms' fr/es packs are not part of it (docs/forms.md).
  const bytes = formToXlsx(FormSchema.parse(JSON.parse(row.definition)));
  res.writeHead(200, {
    'Content-Type': XLSX_TYPE,
    'Content-Disposition': `attachment; filename="${formId}-v${row.version}.xlsx"`,
    'Cache-Control': 'no-store',
    'Content-Length': String(bytes.byteLength),
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
