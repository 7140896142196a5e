// Every read and write of submissions. Components call these; they never see Dexie.
import Dexie from 'dexie';
import { finalizeAnswers } from '../forms/answers';
import { endingAnswers } from '../forms/metadata';
import type { ValidationMessages } from '../forms/messages';
import type { Answers } from '../forms/relevance';
import type { Form, Locale } from '../forms/schema';
import { deleteAttachmentsOf, pruneAttachments } from './attachments';
import { db } from './db';
import { guarded, StorageError } from './errors';
import { FINALIZED_STATUSES, StoredSubmissionSchema, type StoredSubmission } from './record';

/** Who is filling, recorded on every submission. */
export interface DraftContext {
  deviceId: string;
  enumerator: string;
  locale: Locale;
  appVersion: string;
}

const now = () => new Date().toISOString();

/** Starts a draft with a fresh UUID it keeps for life, optionally prefilled. */
export function startDraft(form: Form, context: DraftContext, prefill: Answers = {}): Promise<StoredSubmission> {
  const time = now();
  const record: StoredSubmission = {
    id: crypto.randomUUID(),
    formId: form.id,
    formVersion: form.version,
    status: 'draft',
    answers: prefill,
    meta: { ...context, startedAt: time, updatedAt: time },
  };
  return guarded(async () => {
    await db().submissions.add(record);
    return record;
  });
}

/**
 * Saves a draft's answers as typed. One transaction: if the tab dies mid-write the previous
 * answers stay; a finalized submission is never overwritten.
 */
export function saveDraft(id: string, answers: Answers): Promise<void> {
  return guarded(() =>
    db().transaction('rw', db().submissions, async () => {
      const current = await db().submissions.get(id);
      if (!current) throw new StorageError({ kind: 'missing' });
      if (current.status !== 'draft') throw new StorageError({ kind: 'finalized' });
      await db().submissions.put({ ...current, answers, meta: { ...current.meta, updatedAt: now() } });
    }),
  );
}

/** The outcome of finalizing: the stored submission, or errors by question and nothing written. */
export type FinalizeResult = { ok: true; submission: StoredSubmission } | { ok: false; errors: Record<string, string> };

/** How a draft is finalized: the language it was completed in, and the words of its errors. */
export interface FinalizeOptions {
  /** Recorded as meta.locale, so a draft begun in one language and finished in another says the latter. */
  locale?: Locale;
  messages?: ValidationMessages;
}

/**
 * Validates and finalizes a draft: irrelevant answers are dropped, status becomes `queued`.
 * Written with strict durability in one transaction, so when this resolves it is on disk;
 * if the tab dies before, the draft is still a draft with its answers.
 */
export function finalize(form: Form, id: string, answers: Answers, options: FinalizeOptions = {}): Promise<FinalizeResult> {
  // XLSForm's `end`: the moment the response is finalized.
  const { answers: kept, errors } = finalizeAnswers(form, endingAnswers(form, answers, new Date(now())), options.messages);
  if (Object.keys(errors).length > 0) return Promise.resolve({ ok: false, errors });
  return guarded(() =>
    db().transaction('rw', db().submissions, db().attachments, async () => {
      const current = await db().submissions.get(id);
      if (!current) throw new StorageError({ kind: 'missing' });
      if (current.status !== 'draft') throw new StorageError({ kind: 'finalized' });
      const time = now();
      const { attachments: _chosen, ...rest } = current;
      const attachments = await pruneAttachments(id, current.attachments, kept);
      const submission: StoredSubmission = {
        ...rest,
        ...(attachments && { attachments }),
        status: 'queued',
        answers: kept,
        meta: { ...current.meta, locale: options.locale ?? current.meta.locale, updatedAt: time, completedAt: time },
      };
      await db().submissions.put(submission);
      return { ok: true as const, submission };
    }),
  );
}

/** One submission, checked against its schema as it is read back. */
export async function getSubmission(id: string): Promise<StoredSubmission | undefined> {
  const record = await guarded(() => db().submissions.get(id));
  return record && StoredSubmissionSchema.parse(record);
}

/** Several submissions by id, in the order asked, each checked as it is read back; ids not on the device are left out. */
export async function getSubmissions(ids: readonly string[]): Promise<StoredSubmission[]> {
  const records = await guarded(() => db().submissions.bulkGet([...ids]));
  return records.flatMap((record) => (record ? [StoredSubmissionSchema.parse(record)] : []));
}

/** Deletes a draft; finalized submissions are kept (they may be on their way to the server). */
export function deleteDraft(id: string): Promise<void> {
  return guarded(() =>
    db().transaction('rw', db().submissions, db().attachments, async () => {
      const current = await db().submissions.get(id);
      if (current && current.status !== 'draft') throw new StorageError({ kind: 'finalized' });
      await db().submissions.delete(id);
      await deleteAttachmentsOf(id);
    }),
  );
}

/** Submissions of one form, newest first, one page at a time through the index. */
export function listSubmissions(formId: string, page: { offset: number; limit: number }): Promise<StoredSubmission[]> {
  return guarded(() =>
    db()
      .submissions.where('[formId+meta.updatedAt]')
      .between([formId, Dexie.minKey], [formId, Dexie.maxKey])
      .reverse()
      .offset(page.offset)
      .limit(page.limit)
      .toArray(),
  );
}

/** Whether a submission can still be edited. */
export function isEditable(submission: StoredSubmission): boolean {
  return !FINALIZED_STATUSES.includes(submission.status);
}
