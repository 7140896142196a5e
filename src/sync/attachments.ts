// Sends a batch's files before the batch itself (docs/attachments.md, "Sync"): each file not yet
// confirmed, one at a time. A submission's rows are read right before its files go, one
// submission at a time: a Blob read from IndexedDB is a handle to bytes on disk, and fetch
// streams it, so never more than one file's bytes are in flight. Runs in a page or in the
// service worker alike.
import type { Attachment } from '../forms/attachments';
import { attachmentsOfAll, markAllUploaded } from '../storage/attachments';
import type { StoredSubmission } from '../storage/record';
import { API_PREFIX, ApiErrorSchema } from './api';
import { failureOf, type Failure, type Outcome } from './outbox';

/**
 * The slowest upload rate a file is given time for (128 kbit/s): a 10 MB photo on a poor link
 * may take minutes, which a batch's fixed timeout would cut again and again.
 */
export const MIN_UPLOAD_BYTES_PER_SECOND = 16 * 1024;

/** Statuses by which the server says a file can never be stored as it is (docs/attachments.md). */
const PERMANENT = new Set([409, 413, 415, 422]);

export interface UploadOptions {
  endpoint: string;
  token: string;
  timeoutMs: number;
  appVersion?: string;
}

/** What one upload came to: the server holds the file, refuses it for good, or could not be asked. */
export type UploadVerdict = { kind: 'held' } | { kind: 'refused'; message: string; code?: string } | { kind: 'failed'; failure: Failure };

/** The outcome of a batch's uploads: submissions refused for their files, and the failure that stopped them if any. */
export interface UploadsResult {
  rejected: Outcome[];
  failure?: Failure;
}

/** A file's upload URL: ids and a hash only, never the bytes or the token. */
export function attachmentUrl(endpoint: string, submissionId: string, sha256: string): string {
  return `${endpoint.replace(/\/+$/, '')}${API_PREFIX}/submissions/${encodeURIComponent(submissionId)}/attachments/${sha256}`;
}

/** Time allowed for one file: a batch's timeout, or longer for a big file at the slowest rate. */
export function uploadTimeoutMs(size: number, timeoutMs: number): number {
  return Math.max(timeoutMs, Math.ceil((size * 1000) / MIN_UPLOAD_BYTES_PER_SECOND));
}

/** Reads an upload's answer (a pure decision): 200 and 201 hold it, the contract's 4xx refuse it, the rest is a sending failure. */
export function uploadVerdict(status: number, retryAfter: string | null, message: string, code?: string): UploadVerdict {
  if (status === 200 || status === 201) return { kind: 'held' };
  if (PERMANENT.has(status)) return { kind: 'refused', message, ...(code !== undefined && { code }) };
  return { kind: 'failed', failure: failureOf(status, retryAfter, message, code) };
}

/** PUTs one file's bytes; a lost connection or a timeout is `offline`, as for a batch. */
async function put(url: string, blob: Blob, file: Attachment, options: UploadOptions): Promise<UploadVerdict> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': file.type, Authorization: `Bearer ${options.token}`, ...(options.appVersion !== undefined && { 'X-App-Version': options.appVersion }) },
      body: blob,
      signal: AbortSignal.timeout(uploadTimeoutMs(file.size, options.timeoutMs)),
      cache: 'no-store',
    });
  } catch {
    return { kind: 'failed', failure: { kind: 'offline' } };
  }
  const json: unknown = await response.json().catch(() => undefined);
  const parsed = ApiErrorSchema.safeParse(json);
  const message = parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`;
  return uploadVerdict(response.status, response.headers.get('Retry-After'), message, parsed.success ? parsed.data.error.code : undefined);
}

/** A submission refused on the device because of one of its files, with the reason in the server's words when it gave one. */
function rejection(id: string, file: Attachment, message: string, code?: string): Outcome {
  return { id, status: 'rejected', errors: [{ path: 'attachments', message: `${file.name}: ${message}`, ...(code !== undefined && { code }) }] };
}

/**
 * Uploads, one at a time, every file the server has not confirmed of every submission in
 * `records` that lists any, marking each once the server holds it. A file refused for good
 * makes its submission `rejected` (the caller leaves it out of the batch); a failure of the
 * network or the server stops here, every unconfirmed file staying to be sent next time.
 * The batch's rows are read once, and its marks written once, at the end, in one transaction
 * (a write per file would wait for the disk each time): a tab that dies first sends those files
 * again, and the server answers them `duplicate`.
 */
export async function uploadFiles(records: readonly StoredSubmission[], options: UploadOptions): Promise<UploadsResult> {
  const rejected: Outcome[] = [];
  const uploaded: [string, string][] = [];
  const done = async (failure?: Failure): Promise<UploadsResult> => (await markAllUploaded(uploaded), failure ? { rejected, failure } : { rejected });
  const withFiles = records.filter((r) => r.attachments?.length);
  if (withFiles.length === 0) return { rejected };
  const held = new Map((await attachmentsOfAll(withFiles.map((r) => r.id))).map((row) => [`${row.submissionId}/${row.name}`, row]));
  for (const record of withFiles) {
    for (const file of record.attachments!) {
      const row = held.get(`${record.id}/${file.name}`);
      if (row?.blob === undefined) {
        rejected.push(rejection(record.id, file, 'This file is no longer on this device, so this response cannot be sent. It was never uploaded.'));
        break;
      }
      if (row.uploadedAt !== undefined) continue;
      const verdict = await put(attachmentUrl(options.endpoint, record.id, file.sha256), row.blob, file, options);
      if (verdict.kind === 'failed') return done(verdict.failure);
      if (verdict.kind === 'refused') {
        rejected.push(rejection(record.id, file, verdict.message, verdict.code));
        break;
      }
      uploaded.push([record.id, file.name]);
    }
  }
  return done();
}
