// The coordinator's side of the form registry (PRODUCT.md section 7): the summary of every form,
// one version's definition, publishing and state changes. Requests go through the coordinator
// token kept in memory by results/remote.ts; every answer is checked against its schema.
import * as z from 'zod/mini';
import { readDefinition } from '../forms/load';
import { FormStateSchema, type Form, type FormState } from '../forms/schema';
import { t } from '../i18n';
import { apiUrl, coordinatorRequest, ServerRequestError } from '../results/remote';
import { FormSummarySchema, PublishedSchema, RefusedSchema, type FormSummary, type Published, type Refused } from './forms-api';

/** GET /api/v1/catalog: every form on the server, closed ones too. */
const CoordinatorCatalogSchema = z.object({ forms: z.array(FormSummarySchema) });

const StateChangedSchema = z.object({ form: z.object({ id: z.string(), state: FormStateSchema }) });

/** What a publication came to: published (or found unchanged), or refused with its problems. */
export type PublishOutcome = { kind: 'published'; body: Published } | { kind: 'refused'; status: 409 | 422; body: Refused };

const formPath = (formId: string) => `/forms/${encodeURIComponent(formId)}`;

async function readBody<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ServerRequestError(response.status, t('The server sent an answer this app cannot read. Is the server up to date?'));
  return parsed.data;
}

/** Every form on the server with its state, versions and responses per version. */
export async function fetchFormSummaries(endpoint: string): Promise<FormSummary[]> {
  const response = await coordinatorRequest(apiUrl(endpoint, '/catalog'));
  return (await readBody(response, CoordinatorCatalogSchema)).forms;
}

/** One published version's definition, checked like any definition the app renders. */
export async function fetchFormVersion(endpoint: string, formId: string, version: number): Promise<Form> {
  const response = await coordinatorRequest(apiUrl(endpoint, `${formPath(formId)}/versions/${version}`));
  const read = readDefinition(await response.json().catch(() => undefined));
  if (!read.ok) throw new ServerRequestError(response.status, t('The server sent a form this app cannot read. Is the server up to date?'));
  return read.form;
}

/** POST /api/v1/forms: the definition's JSON text, as the coordinator's file holds it. */
export async function publishDefinition(endpoint: string, json: string): Promise<PublishOutcome> {
  const response = await coordinatorRequest(apiUrl(endpoint, '/forms'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json }, [409, 422]);
  if (response.status === 409 || response.status === 422) return { kind: 'refused', status: response.status, body: await readBody(response, RefusedSchema) };
  return { kind: 'published', body: await readBody(response, PublishedSchema) };
}

/** PATCH /api/v1/forms/{formId}: open, closing or closed; resolves to the state the server now holds. */
export async function changeFormState(endpoint: string, formId: string, state: FormState): Promise<FormState> {
  const response = await coordinatorRequest(apiUrl(endpoint, formPath(formId)), { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ state }) });
  return (await readBody(response, StateChangedSchema)).form.state;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /api/v1/forms with an XLSForm's bytes: the server imports them again and answers as for JSON. */
export async function publishXlsForm(endpoint: string, bytes: ArrayBuffer): Promise<PublishOutcome> {
  const response = await coordinatorRequest(apiUrl(endpoint, '/forms'), { method: 'POST', headers: { 'Content-Type': XLSX_TYPE }, body: bytes }, [409, 422]);
  if (response.status === 409 || response.status === 422) return { kind: 'refused', status: response.status, body: await readBody(response, RefusedSchema) };
  return { kind: 'published', body: await readBody(response, PublishedSchema) };
}

/** GET /api/v1/forms/{formId}/xlsform: the latest version as an XLSForm .xlsx file. */
export async function fetchXlsForm(endpoint: string, formId: string): Promise<Blob> {
  const response = await coordinatorRequest(apiUrl(endpoint, `${formPath(formId)}/xlsform`));
  return response.blob();
}

/**
 * GET /api/v1/forms/{formId}/attachments.zip: every photo and file of the form's responses, as
 * `<submission id>/<name>` (docs/attachments.md). Read as it arrives, so `onBytes` can show progress.
 */
export async function fetchAttachmentsZip(endpoint: string, formId: string, onBytes: (received: number) => void): Promise<Blob> {
  const response = await coordinatorRequest(apiUrl(endpoint, `${formPath(formId)}/attachments.zip`));
  if (!response.body) return response.blob();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parts.push(chunk.value);
    received += chunk.value.length;
    onBytes(received);
  }
  return new Blob(parts, { type: 'application/zip' });
}
