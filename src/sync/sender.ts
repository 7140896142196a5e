// Sends the outbox in batches until it is empty or the network says no. Runs in a page or in
// the service worker alike (no DOM), always under the sync lock.
import { applyOutcomes, oldestQueued, outboxCounts } from '../storage/outbox';
import { ApiErrorSchema, API_PREFIX, SubmitResponseSchema } from './api';
import { failureOf, MAX_SEND_COUNT, nextBatch, outcomesOf, type Failure } from './outbox';

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
 * Drains the outbox. The server's answer to a batch is written in one transaction while the
 * next batch is already on its way, so the device's disk and the network work side by side;
 * at most one write is pending at any time. A crash resends at most the batches whose answers
 * were not yet written, and the server answers those `duplicate`: nothing lost, nothing twice.
 * The outbox is read again only once every write has landed, so a read never sees a sent
 * submission as still queued.
 */
export async function sendQueued(options: SendOptions): Promise<SendResult> {
  const url = submissionsUrl(options.endpoint);
  // Counted once: a count per batch would cost as much as the batch's own bookkeeping.
  let remaining = (await outboxCounts()).queued;
  let sent = 0;
  let writing: Promise<void> = Promise.resolve();
  const settled = async (result: SendResult): Promise<SendResult> => (await writing, result);
  for (;;) {
    let records = await oldestQueued(READ_AHEAD);
    if (records.length === 0) return { kind: 'done', sent };
    while (records.length > 0) {
      const batch = nextBatch(records);
      const batchRecords = records.slice(0, batch.submissions.length);
      records = records.slice(batch.submissions.length);
      // Responses finalized during the send make the total grow.
      remaining = Math.max(remaining, batch.submissions.length);
      options.onProgress?.(sent, sent + remaining);
      const answer = await post(url, options.token, batch.body, options.timeoutMs ?? SEND_TIMEOUT_MS, options.appVersion);
      if (!answer.ok) return settled({ kind: 'failed', sent, failure: answer.failure });
      const parsed = SubmitResponseSchema.safeParse(answer.json);
      const outcomes = parsed.success ? outcomesOf(batch.submissions, parsed.data, new Date().toISOString()) : [];
      // An answer that settles nothing would loop forever: treat it as a server fault and back off.
      if (outcomes.length === 0) return settled({ kind: 'failed', sent, failure: { kind: 'server', status: 502 } });
      await writing;
      writing = applyOutcomes(batchRecords, outcomes);
      // Its failure is reported where it is awaited, not as an unhandled rejection meanwhile.
      writing.catch(() => {});
      sent += outcomes.length;
      remaining -= outcomes.length;
      options.onProgress?.(sent, sent + Math.max(0, remaining));
    }
    await writing;
  }
}
