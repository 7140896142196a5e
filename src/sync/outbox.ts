// Pure decisions of the outbox: what to send next and how to read the server's answer.
import type { Submission } from '../forms/submission';
import type { StoredSubmission } from '../storage/record';
import type { SubmissionError, SubmitResponse } from './api';

/** Batch limits on the device side, well inside the server's 500 submissions and 5 MB. */
export const MAX_SEND_COUNT = 200;
export const MAX_SEND_BYTES = 1024 * 1024;
/**
 * The most bytes of files a batch's submissions list. Files go up before their batch is posted,
 * so this bounds how long a batch keeps "Sending N of M" still, and what a crash leaves unposted.
 */
export const MAX_SEND_FILE_BYTES = 4 * 1024 * 1024;

/** The wire form of a finalized submission (PRODUCT.md section 5). */
export function toWire(record: StoredSubmission): Submission {
  const { deviceId, enumerator, locale, appVersion, startedAt, completedAt } = record.meta;
  return {
    id: record.id,
    formId: record.formId,
    formVersion: record.formVersion,
    answers: record.answers,
    meta: { deviceId, enumerator, locale, appVersion, startedAt, completedAt: completedAt ?? record.meta.updatedAt },
    ...(record.attachments?.length ? { attachments: record.attachments } : {}),
  };
}

/** A batch ready to post: its submissions and the request body, written once. */
export interface Batch {
  submissions: Submission[];
  body: string;
}

/** How many submissions a batch may hold, how many bytes its body, and how many bytes of files they list. */
export interface BatchLimits {
  count: number;
  bytes: number;
  fileBytes: number;
}

const LIMITS: BatchLimits = { count: MAX_SEND_COUNT, bytes: MAX_SEND_BYTES, fileBytes: MAX_SEND_FILE_BYTES };

/**
 * The next batch, oldest first: as many queued submissions as fit in the count and byte limits.
 * A single submission larger than a byte limit still goes alone, so nothing is stuck forever.
 * Each submission is serialized once, for both its size and the body.
 */
export function nextBatch(queued: readonly StoredSubmission[], given: Partial<BatchLimits> = {}): Batch {
  const limits = { ...LIMITS, ...given };
  const submissions: Submission[] = [];
  const parts: string[] = [];
  const encoder = new TextEncoder();
  let bytes = '{"submissions":[]}'.length;
  let fileBytes = 0;
  for (const record of queued) {
    if (record.status !== 'queued' || submissions.length >= limits.count) break;
    const wire = toWire(record);
    const json = JSON.stringify(wire);
    const size = encoder.encode(json).length + 1;
    // Every listed file counts, sent or not: the limit stays a pure function of the records.
    const files = wire.attachments?.reduce((sum, a) => sum + a.size, 0) ?? 0;
    if (submissions.length > 0 && (bytes + size > limits.bytes || fileBytes + files > limits.fileBytes)) break;
    submissions.push(wire);
    parts.push(json);
    bytes += size;
    fileBytes += files;
  }
  return { submissions, body: `{"submissions":[${parts.join(',')}]}` };
}

/**
 * What to write back for one submission once the server has answered. `resend`: the server lacks
 * some of its files; it stays queued and its files are sent again (docs/attachments.md, "Sync").
 */
export type Outcome =
  | { id: string; status: 'synced'; syncedAt: string }
  | { id: string; status: 'rejected'; errors: SubmissionError[] }
  | { id: string; status: 'resend'; errors: SubmissionError[] };

/** The error code with which the server refuses a submission whose files it does not all hold. */
export const ATTACHMENT_MISSING = 'attachment_missing';

/**
 * Turns the server's results into updates. stored and duplicate both mean "the server has it";
 * a rejection for missing files is not final (resend); a result for an id that was not sent is
 * ignored, and a sent id with no result stays queued.
 */
export function outcomesOf(sent: readonly Submission[], response: SubmitResponse, now: string): Outcome[] {
  const sentIds = new Set(sent.map((s) => s.id));
  const outcomes: Outcome[] = [];
  for (const result of response.results) {
    if (!sentIds.has(result.id)) continue;
    sentIds.delete(result.id);
    if (result.status === 'rejected' && result.errors?.some((e) => e.code === ATTACHMENT_MISSING)) {
      outcomes.push({ id: result.id, status: 'resend', errors: result.errors });
    } else if (result.status === 'rejected') {
      outcomes.push({ id: result.id, status: 'rejected', errors: result.errors?.length ? result.errors : [{ message: 'The server refused this response without a reason.' }] });
    } else {
      outcomes.push({ id: result.id, status: 'synced', syncedAt: now });
    }
  }
  return outcomes;
}

/** How a failed request is handled: when to try again, or that the user must act. */
export type Failure =
  | { kind: 'offline' }
  | { kind: 'server'; status: number }
  | { kind: 'rate-limited'; retryAfterMs: number }
  | { kind: 'unauthorized' }
  /** The coordinator revoked this device: nothing is resent until it is enrolled again. */
  | { kind: 'revoked' }
  | { kind: 'refused'; status: number; message: string };

/** Reads an HTTP answer that is not a 200 (PRODUCT.md section 4: what stays queued, what asks the user). */
export function failureOf(status: number, retryAfter: string | null, message: string, code?: string): Failure {
  if (status === 401) return code === 'device_revoked' ? { kind: 'revoked' } : { kind: 'unauthorized' };
  if (status === 429) return { kind: 'rate-limited', retryAfterMs: retryAfterMs(retryAfter) };
  if (status >= 500 || status === 408) return { kind: 'server', status };
  return { kind: 'refused', status, message };
}

/** Retry-After in seconds or as an HTTP date; a minute when missing or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header) * 1000;
  const date = header ? Date.parse(header) : Number.NaN;
  return Number.isNaN(date) ? 60_000 : Math.max(0, date - now);
}

/** First retry after a few seconds, doubling, capped at five minutes. */
export const BACKOFF_BASE_MS = 5_000;
export const BACKOFF_CAP_MS = 5 * 60_000;

/** Exponential backoff with jitter (half fixed, half random) so devices do not retry in step. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
