// The form registry's routes (PRODUCT.md section 7): the device catalog with its ETag, one
// version's definition, publishing, state changes, and the coordinator's summary of each form.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod/mini';
import { jsonProblem, type FormProblem, type FormProblem as Warning } from '../../src/forms/problems';
import { addToHistory, checkPublication, NO_HISTORY, type PublishedHistory } from '../../src/forms/publish-checks';
import type { QuestionType } from '../../src/forms/schema';
import { importXlsForm } from '../../src/forms/xlsform';
import { MAX_DEFINITION_BYTES, StateChangeSchema, type FormSummary, type Published, type Refused } from '../../src/sync/forms-api';
import { requireCaller } from '../auth';
import { sha256Hex } from '../canonical';
import type { Context } from '../context';
import { catalogOf, formOf } from '../forms';
import { HttpError, parseJson, readBody, requireJsonContentType, sendJson } from '../http';
import type { FormVersionRow, PublishDecision } from '../store/types';

const FORM_ID = /^[a-z][a-z0-9-]*$/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /api/v1/forms: open to devices; an unchanged catalog is a 304 for the ETag the device sent. */
export async function handleCatalog(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { etag, body } = catalogOf(await ctx.store.forms.list());
  const headers = { ETag: etag, 'Cache-Control': 'no-cache' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** GET /api/v1/forms/{formId}/versions/{version}: one published definition, as published. */
export async function handleVersion(ctx: Context, res: ServerResponse, formId: string, version: number): Promise<void> {
  const row = await ctx.store.forms.version(formId, version);
  if (!row) throw new HttpError(404, 'not_found', `Form "${formId}" has no published version ${version}.`);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(row.definition)) });
  res.end(row.definition);
}

function historyOf(versions: readonly FormVersionRow[]): PublishedHistory {
  const latest = versions.at(-1);
  if (!latest) return NO_HISTORY;
  const questionTypes = new Map<string, { type: QuestionType; version: number }>();
  for (const row of versions) addToHistory(questionTypes, formOf(row));
  return { latestVersion: latest.version, latestHash: latest.hash, questionTypes };
}

function refuse(res: ServerResponse, status: 409 | 422, problems: FormProblem[]): void {
  const message = status === 409 ? 'That version is already taken; nothing was published.' : `The form cannot be published: ${problems.length} problem(s); nothing was published.`;
  const body: Refused = { error: { code: status === 409 ? 'conflict' : 'invalid_form', message }, problems };
  sendJson(res, status, body);
}

/** The form id: `?formId=` if given, else the definition's own; both given must agree. */
function formIdOf(search: URLSearchParams, input: unknown): string | FormProblem {
  const fromQuery = search.get('formId');
  const own = typeof input === 'object' && input !== null && 'id' in input ? input.id : undefined;
  if (fromQuery !== null && own !== undefined && own !== fromQuery) return jsonProblem('id', `the definition's id "${String(own)}" differs from formId "${fromQuery}" in the address`);
  const id = fromQuery ?? own;
  if (id === undefined) return jsonProblem('id', 'the form has no id: give "id" in the definition or ?formId= in the address');
  if (typeof id !== 'string' || !FORM_ID.test(id) || id.length > 100) return jsonProblem('id', 'the form id must be kebab-case: lower-case letters, digits and hyphens, starting with a letter');
  return id;
}

type Outcome = { status: 200 | 201; body: Published } | { status: 409 | 422; problems: FormProblem[] };

/** An XLSForm body as a definition (the version left to the server) with its warnings, or its problems. */
async function fromXlsForm(req: IncomingMessage, search: URLSearchParams): Promise<{ input: object; warnings: Warning[] } | { problems: FormProblem[] }> {
  const bytes = await readBody(req, MAX_DEFINITION_BYTES);
  const fromQuery = search.get('formId');
  if (fromQuery !== null && (!FORM_ID.test(fromQuery) || fromQuery.length > 100)) return { problems: [jsonProblem('id', 'the form id must be kebab-case: lower-case letters, digits and hyphens, starting with a letter')] };
  const imported = await importXlsForm(bytes, fromQuery !== null ? { formId: fromQuery } : {});
  if (!imported.ok) return { problems: imported.problems };
  const { version: _numberedByServer, ...input } = imported.form;
  return { input, warnings: imported.warnings };
}

/** POST /api/v1/forms: a JSON definition or an XLSForm becomes the form's next version (coordinator only). */
export async function handlePublish(ctx: Context, req: IncomingMessage, res: ServerResponse, search: URLSearchParams): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  let input: unknown;
  let warnings: Warning[] = [];
  if (type === XLSX_TYPE) {
    const read = await fromXlsForm(req, search);
    if ('problems' in read) return refuse(res, 422, read.problems);
    ({ input, warnings } = read);
  } else {
    requireJsonContentType(req);
    input = parseJson(await readBody(req, MAX_DEFINITION_BYTES));
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse(res, 422, [jsonProblem('', 'the body must be one form definition, a JSON object')]);
  const formId = formIdOf(search, input);
  if (typeof formId !== 'string') return refuse(res, 422, [formId]);
  const outcome = await ctx.store.forms.publish<Outcome>(
    formId,
    (versions): PublishDecision<Outcome> => {
      const check = checkPublication({ ...input, id: formId }, historyOf(versions), sha256Hex);
      if (!check.ok) return { kind: 'keep', result: { status: check.conflict ? 409 : 422, problems: check.problems } };
      if (check.unchanged) {
        const latest = versions.at(-1)!;
        const title = formOf(latest).title;
        return { kind: 'keep', result: { status: 200, body: { form: { id: formId, version: check.version, title }, warnings, unchanged: true } } };
      }
      const { form, text } = check;
      const body: Published = { form: { id: form.id, version: form.version, title: form.title }, warnings };
      return { kind: 'insert', version: form.version, hash: sha256Hex(text), definition: JSON.stringify(form), result: { status: 201, body } };
    },
    'coordinator',
    ctx.now(),
  );
  if ('problems' in outcome) return refuse(res, outcome.status, outcome.problems);
  if (outcome.status === 201) {
    await ctx.audit.record({ actor: 'coordinator', action: 'form.publish', target: formId, details: { version: outcome.body.form.version, title: outcome.body.form.title } });
  }
  sendJson(res, outcome.status, outcome.body);
}

/** PATCH /api/v1/forms/{formId}: open, closing or closed. */
export async function handleStateChange(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  requireJsonContentType(req);
  const change = StateChangeSchema.safeParse(parseJson(await readBody(req, 1024)));
  if (!change.success) throw new HttpError(400, 'bad_request', `The body must be {"state": "open" | "closing" | "closed"}: ${z.prettifyError(change.error).slice(0, 300)}`);
  const before = await ctx.store.forms.entry(formId);
  if (!(await ctx.store.forms.setState(formId, change.data.state, ctx.now()))) throw new HttpError(404, 'not_found', `No form "${formId}" on this server.`);
  await ctx.audit.record({ actor: 'coordinator', action: 'form.state', target: formId, details: { from: before?.state, to: change.data.state } });
  sendJson(res, 200, { form: { id: formId, state: change.data.state } });
}

async function summaryOf(ctx: Context, formId: string): Promise<FormSummary | undefined> {
  const entry = await ctx.store.forms.entry(formId);
  if (!entry) return undefined;
  const [versions, counts] = await Promise.all([ctx.store.forms.versions(formId), ctx.store.forms.countByVersion(formId)]);
  return {
    id: formId,
    state: entry.state,
    title: formOf(entry.latest).title,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedBy: v.publishedBy, responses: counts.get(v.version) ?? 0 })),
  };
}

/** GET /api/v1/forms/{formId} (coordinator): state, versions, responses per version. */
export async function handleSummary(ctx: Context, req: IncomingMessage, res: ServerResponse, formId: string): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const summary = await summaryOf(ctx, formId);
  if (!summary) throw new HttpError(404, 'not_found', `No form "${formId}" on this server.`);
  sendJson(res, 200, summary);
}

/** GET /api/v1/catalog (coordinator): every form, closed ones too, summarised. */
export async function handleCoordinatorCatalog(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  await requireCaller(ctx, req, 'coordinator');
  const entries = await ctx.store.forms.list();
  const forms = (await Promise.all(entries.map((e) => summaryOf(ctx, e.id)))).filter((s) => s !== undefined);
  sendJson(res, 200, { forms });
}
