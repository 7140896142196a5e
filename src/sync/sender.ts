// Sends the outbox in batches until it is empty or the network says no. Runs in a page or in
// the service worker alike (no DOM), always under the sync lock.
import { applyOutcomes, oldestQueued, outboxCounts } from '../storage/outbox';
import type { StoredSubmission } from '../storage/record';
import { ApiErrorSchema, API_PREFIX, SubmitResponseSchema } from './api';
import { uploadFiles } from './attachments';
import { failureOf, MAX_SEND_COUNT, nextBatch, outcomesOf, type Failure, type Outcome } from './outbox';

/** A request that takes longer than this is treated as a lost connection. */
export const SEND_TIMEOUT_MS = 30_000;

export interface SendOptions {
  endpoint: string;
  token: string;
  onProgress?: (sent: number, total: number) => void;
  timeoutMs?: number;
  /** Named to the server in X-App-Version, shown on the coordinator's Devices screen. */
  appVersion?: string;
}

export type SendResult = { kind: 'done'; sent: number } | { kind: 'failed'; sent: number; failure: Failure };

/** The submissions URL under an endpoint (an origin, or a base URL). */
export function submissionsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}${API_PREFIX}/submissions`;
}

/** Posts one batch; any answer that is not a readable 200 becomes a Failure. */
async function post(url: string, token: string, body: string, timeoutMs: number, appVersion: string | undefined): Promise<{ ok: true; json: unknown } | { ok: false; failure: Failure }> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(appVersion !== undefined && { 'X-App-Version': appVersion }) },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, failure: { kind: 'offline' } };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return { ok: true, json };
  const parsed = ApiErrorSchema.safeParse(json);
  const message = parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`;
  return { ok: false, failure: failureOf(response.status, response.headers.get('Retry-After'), message, parsed.success ? parsed.data.error.code : undefined) };
}

/** Queued submissions read at a time: a few batches, sent one after another from one read. */
export const READ_AHEAD = 5 * MAX_SEND_COUNT;

/**
 * The failure that stops a send when the server, right after taking a submission's files again,
 * still says it lacks some: sending on at once would loop; the engine backs off instead. A 409
 * in kind (the two sides disagree on what the server holds), told in the server's words.
 */
function stillMissing(outcome: Extract<Outcome, { status: 'resend' }>): Failure {
  return { kind: 'refused', status: 409, message: outcome.errors.find((e) => e.code)?.message ?? 'The server does not hold the files of a response it was sent.' };
}

/**
 * Drains the outbox. Each batch's files go up first (src/sync/attachments.ts), then the batch.
 * The server's answer to a batch is written in one transaction while the next batch (its files
 * first) is already on its way, so the device's disk and the network work side by side;
 * at most one write is pending at any time. A crash resends at most the batches whose answers
 * were not yet written, and the server answers those `duplicate`: nothing lost, nothing twice.
 * The outbox is read again only once every write has landed, so a read never sees a sent
 * submission as still queued.
 */
export async function sendQueued(options: SendOptions): Promise<SendResult> {
  const url = submissionsUrl(options.endpoint);
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  // Counted once: a count per batch would cost as much as the batch's own bookkeeping.
  let remaining = (await outboxCounts()).queued;
  let sent = 0;
  let writing: Promise<void> = Promise.resolve();
  const settled = async (result: SendResult): Promise<SendResult> => (await writing, result);
  const write = async (records: readonly StoredSubmission[], outcomes: readonly Outcome[]): Promise<void> => {
    await writing;
    writing = applyOutcomes(records, outcomes);
    // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
    writing.catch(() => {});
  };
  // Submissions whose files were sent again in this run after the server said it lacked them.
  const resent = new Set<string>();
  for (;;) {
    let records = await oldestQueued(READ_AHEAD);
    if (records.length === 0) return { kind: 'done', sent };
    while (records.length > 0) {
      let batch = nextBatch(records);
      let batchRecords = records.slice(0, batch.submissions.length);
      records = records.slice(batch.submissions.length);
      // Responses finalized during the send make the total grow.
      remaining = Math.max(remaining, batch.submissions.length);
      options.onProgress?.(sent, sent + remaining);
      const uploads = await uploadFiles(batchRecords, { endpoint: options.endpoint, token: options.token, timeoutMs, appVersion: options.appVersion });
      const settledHere = uploads.rejected.length;
      if (uploads.failure) {
        // Refusals already known are final: written now, not uploaded again next time.
        if (settledHere > 0) await write(batchRecords, uploads.rejected);
        return settled({ kind: 'failed', sent: sent + settledHere, failure: uploads.failure });
      }
      if (settledHere > 0) {
        const refused = new Set(uploads.rejected.map((o) => o.id));
        const rest = batchRecords.filter((r) => !refused.has(r.id));
        // A part of a batch that fit fits again: the same records in the same order.
        batch = nextBatch(rest);
        await write(batchRecords, uploads.rejected);
        batchRecords = rest;
        sent += settledHere;
        remaining -= settledHere;
        if (rest.length === 0) {
          options.onProgress?.(sent, sent + Math.max(0, remaining));
          continue;
        }
      }
      const answer = await post(url, options.token, batch.body, timeoutMs, options.appVersion);
      if (!answer.ok) return settled({ kind: 'failed', sent, failure: answer.failure });
      const parsed = SubmitResponseSchema.safeParse(answer.json);
      const outcomes = parsed.success ? outcomesOf(batch.submissions, parsed.data, new Date().toISOString()) : [];
      // An answer that settles nothing would loop forever: treat it as a server fault and back off.
      if (outcomes.length === 0) return settled({ kind: 'failed', sent, failure: { kind: 'server', status: 502 } });
      await write(batchRecords, outcomes);
      const done = outcomes.filter((o) => o.status !== 'resend').length;
      sent += done;
      remaining -= done;
      options.onProgress?.(sent, sent + Math.max(0, remaining));
      // Files the server lost go up again once in this run (it is re-read, still queued, at the
      // next read); lost again right after, the engine's backoff takes over.
      for (const outcome of outcomes) {
        if (outcome.status !== 'resend') continue;
        if (resent.has(outcome.id)) return settled({ kind: 'failed', sent, failure: stillMissing(outcome) });
        resent.add(outcome.id);
      }
    }
    await writing;
  }
}
