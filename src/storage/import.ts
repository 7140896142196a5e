// Writing an imported bundle into this device's outbox, with the files its submissions name.
import type { Submission } from '../forms/submission';
import { planImport, type ImportPlan } from '../export/import-plan';
import type { StoredAttachment } from './attachments';
import { db } from './db';
import { guarded } from './errors';

/**
 * Adds the bundle's new submissions as queued, and the files they name (from `files`, by sha256,
 * each checked by the caller), all in one transaction (strict durability): if the tab dies
 * first, nothing of the file is stored and importing it again starts clean. The files carry no
 * upload mark, so the sync engine sends them before their submission. A submission already held
 * is not written, nor are its files. The plan is made inside the transaction, so an id stored
 * meanwhile by another tab is seen.
 */
export function importSubmissions(submissions: readonly Submission[], files: ReadonlyMap<string, Blob> = new Map()): Promise<ImportPlan> {
  return guarded(() =>
    db().transaction('rw', db().submissions, db().attachments, async () => {
      const held = await db().submissions.bulkGet(submissions.map((s) => s.id));
      const plan = planImport(submissions, held);
      const rows: StoredAttachment[] = plan.add.flatMap((record) =>
        (record.attachments ?? []).map(({ name, sha256, size, type }) => {
          const blob = files.get(sha256);
          // The bundle reader refuses a file missing a named file, so this is a caller's bug.
          if (!blob) throw new Error(`The file ${name} of ${record.id} was not given with it.`);
          return { submissionId: record.id, name, sha256, size, type, blob: blob.slice(0, blob.size, type) };
        }),
      );
      await db().submissions.bulkAdd(plan.add);
      await db().attachments.bulkPut(rows);
      return plan;
    }),
  );
}
