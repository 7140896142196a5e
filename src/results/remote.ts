// The coordinator's view of the server: results and CSV for everything stored, with the
// coordinator token. The token lives in this module's memory only: never in storage, never
// in a URL, gone when the tab closes or reloads.
import type { Locale } from '../forms/locale';
import { t } from '../i18n';
import { ApiErrorSchema, API_PREFIX, SubmitResponseSchema, type SubmitResponse } from '../sync/api';
import { FormResultsSchema, type FormResults } from './schema';

let sessionToken: string | undefined;

/** Keeps the coordinator token for this page's life. */
export function setCoordinatorToken(token: string): void {
  sessionToken = token.trim() || undefined;
}
/** Whether a coordinator token was given in this session. */
export const hasCoordinatorToken = (): boolean => sessionToken !== undefined;
/** Forgets the coordinator token (sign out). */
export function forgetCoordinatorToken(): void {
  sessionToken = undefined;
}

/** A request to the server that failed, with a sentence for the coordinator. */
export class ServerRequestError extends Error {
  constructor(
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ServerRequestError';
  }
}

/** The address of an API path (`/forms/x`) on the server at `endpoint`. */
export function apiUrl(endpoint: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}${API_PREFIX}${path}`;
}

function formUrl(endpoint: string, formId: string, rest: string): string {
  return apiUrl(endpoint, `/forms/${encodeURIComponent(formId)}/${rest}`);
}

/**
 * A request with the coordinator token. Failures become a ServerRequestError with a sentence,
 * except the statuses in `answered`, whose bodies the caller reads (a refused publication).
 */
export async function coordinatorRequest(url: string, init: RequestInit = {}, answered: readonly number[] = []): Promise<Response> {
  if (!sessionToken) throw new ServerRequestError(undefined, t('Enter the coordinator token first.'));
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${sessionToken}` }, cache: 'no-store' });
  } catch {
    throw new ServerRequestError(undefined, t('The server cannot be reached from here. Check the network and try again.'));
  }
  if (response.ok || answered.includes(response.status)) return response;
  if (response.status === 401 || response.status === 403) {
    throw new ServerRequestError(response.status, t('The server does not accept this coordinator token. Check it and enter it again.'));
  }
  const body = ApiErrorSchema.safeParse(await response.json().catch(() => undefined));
  // The server's own words when it gave some.
  throw new ServerRequestError(response.status, body.success ? body.data.error.message : t('The server answered {status}.', { status: String(response.status) }));
}

/** GET /api/v1/forms/{formId}/results, checked against the results schema. */
export async function fetchServerResults(endpoint: string, formId: string): Promise<FormResults> {
  const response = await coordinatorRequest(formUrl(endpoint, formId, 'results'));
  const parsed = FormResultsSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ServerRequestError(response.status, t('The server sent results this app cannot read. Is the server up to date?'));
  return parsed.data;
}

/** GET /api/v1/forms/{formId}/submissions.csv as a Blob: codes, or labels in one language. */
export async function fetchServerCsv(endpoint: string, formId: string, choice: { labels: boolean; locale: Locale }): Promise<Blob> {
  const query = choice.labels ? `?labels=1&lang=${choice.locale}` : '';
  const response = await coordinatorRequest(formUrl(endpoint, formId, `submissions.csv${query}`));
  return response.blob();
}

/** POST /api/v1/bundles: a device's bundle file (JSON, or ZIP with files) straight into the server, one result per submission. */
export async function uploadBundle(endpoint: string, file: Blob): Promise<SubmitResponse> {
  const url = apiUrl(endpoint, '/bundles');
  // A ZIP bundle starts PK\x03\x04, a JSON one `{` (bundle-zip.ts), whatever the file's name says.
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const response = await coordinatorRequest(url, { method: 'POST', headers: { 'Content-Type': zip ? 'application/zip' : 'application/json' }, body: file });
  const parsed = SubmitResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ServerRequestError(response.status, t('The server sent an answer this app cannot read. Is the server up to date?'));
  return parsed.data;
}
