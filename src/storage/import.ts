// Writing an imported bundle into this device's outbox.
import type { Submission } from '../forms/submission';
import { planImport, type ImportPlan } from '../export/import-plan';
import { db } from './db';
import { guarded } from './errors';

/**
 * Adds the bundle's new submissions as queued, all in one transaction (strict durability):
 * if the tab dies first, nothing of the file is stored and importing it again starts clean.
 * The plan is made inside the transaction, so an id stored meanwhile by another tab is seen.
 */
export function importSubmissions(submissions: readonly Submission[]): Promise<ImportPlan> {
  return guarded(() =>
    db().transaction('rw', db().submissions, async () => {
      const held = await db().submissions.bulkGet(submissions.map((s) => s.id));
      const plan = planImport(submissions, held);
      await db().submissions.bulkAdd(plan.add);
      return plan;
    }),
  );
}
