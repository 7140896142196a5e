// The submissions table seen as the sync outbox: the only source of truth for what to send.
import Dexie from 'dexie';
import type { Outcome } from '../sync/outbox';
import { forgetUploads } from './attachments';
import { db } from './db';
import { StorageError } from './errors';
import type { StoredSubmission } from './record';

/** Queued submissions, oldest finalized first, at most `limit`. */
export function oldestQueued(limit: number): Promise<StoredSubmission[]> {
  return db()
    .submissions.where('[status+meta.completedAt]')
    .between(['queued', Dexie.minKey], ['queued', Dexie.maxKey])
    .limit(limit)
    .toArray();
}

/** How many submissions wait to be sent, and how many the server refused. */
export async function outboxCounts(): Promise<{ queued: number; rejected: number }> {
  const [queued, rejected] = await Promise.all([
    db().submissions.where('status').equals('queued').count(),
    db().submissions.where('status').equals('rejected').count(),
  ]);
  return { queued, rejected };
}

/**
 * Applies the server's answer to one batch in one transaction, from the records as they were
 * read for sending. Re-reading them first would cost a read per record for nothing: a queued
 * submission is changed only by the sender, which runs under the sync lock, so the records
 * sent are still exactly what is stored. If the tab dies first, the batch stays queued and the
 * next send gets `duplicate` for what the server already has: nothing lost or counted twice.
 * A submission the server lacks files of (`resend`) stays queued with its upload marks cleared,
 * so its files go up again; dying first leaves the marks, and the server says so again.
 */
export function applyOutcomes(sent: readonly StoredSubmission[], outcomes: readonly Outcome[]): Promise<void> {
  const byId = new Map(sent.map((record) => [record.id, record]));
  const updated: StoredSubmission[] = [];
  const resend: string[] = [];
  for (const outcome of outcomes) {
    const record = byId.get(outcome.id);
    if (!record || record.status !== 'queued') continue;
    if (outcome.status === 'synced') updated.push({ ...record, status: 'synced', syncedAt: outcome.syncedAt, errors: undefined });
    else if (outcome.status === 'rejected') updated.push({ ...record, status: 'rejected', errors: outcome.errors });
    else resend.push(record.id);
  }
  // The common batch has nothing to resend: one bulk write, no transaction over the files' table.
  if (resend.length === 0) return db().submissions.bulkPut(updated).then(() => undefined);
  return db().transaction('rw', db().submissions, db().attachments, async () => {
    await db().submissions.bulkPut(updated);
    for (const id of resend) await forgetUploads(id);
  });
}

/** The user asks to send a rejected submission again (e.g. after the server's forms were fixed). */
export function requeue(id: string): Promise<void> {
  return db().transaction('rw', db().submissions, async () => {
    const record = await db().submissions.get(id);
    if (!record) throw new StorageError({ kind: 'missing' });
    if (record.status !== 'rejected') return;
    await db().submissions.put({ ...record, status: 'queued', errors: undefined });
  });
}
