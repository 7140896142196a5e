// Puts wire submissions into this process's device database (fake-indexeddb) in one bulk
// write, as finalized records with a chosen status, for tests of exports and results.
import { importedRecord } from '../../src/export/import-plan';
import type { Submission } from '../../src/forms/submission';
import { db } from '../../src/storage/db';
import type { StoredSubmission, SubmissionStatus } from '../../src/storage/record';

/** Stores `submissions` with `status` (a function picks one per submission); returns the records. */
export async function storeFinalized(submissions: readonly Submission[], status: SubmissionStatus | ((i: number) => SubmissionStatus) = 'queued'): Promise<StoredSubmission[]> {
  const records = submissions.map((s, i) => ({ ...importedRecord(s), status: typeof status === 'function' ? status(i) : status }));
  await db().submissions.bulkAdd(records);
  return records;
}

/** Stores a draft (no completion time) of the same form, which exports and results must leave out. */
export async function storeDraft(submission: Submission): Promise<void> {
  const { completedAt: _none, ...meta } = submission.meta;
  await db().submissions.add({ ...importedRecord(submission), status: 'draft', meta: { ...meta, updatedAt: meta.startedAt } });
}
