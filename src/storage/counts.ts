// Live counts, read from indexes only with no schema or validation code (home keeps them
// current once its first counts, read without Dexie in first-counts.ts, are on screen).
import Dexie from 'dexie';
import { db } from './db';
import { guarded } from './errors';
import { startOfToday, type FormCounts } from './first-counts';
import { SUBMISSION_STATUSES } from './layout';

export type { FormCounts };

/** Counts for one form, read from indexes only (no records are loaded). */
export function countSubmissions(formId: string, since: Date = startOfToday()): Promise<FormCounts> {
  return guarded(async () => {
    const table = db().submissions;
    const [today, ...byStatus] = await Promise.all([
      table.where('[formId+meta.completedAt]').between([formId, since.toISOString()], [formId, Dexie.maxKey]).count(),
      ...SUBMISSION_STATUSES.map((s) => table.where('[formId+status]').equals([formId, s]).count()),
    ]);
    const counts = { total: 0, today: today ?? 0 } as FormCounts;
    SUBMISSION_STATUSES.forEach((s, i) => {
      counts[s] = byStatus[i] ?? 0;
      counts.total += counts[s];
    });
    return counts;
  });
}

/** Counts for several forms, all in one read transaction (home opens on these). */
export function countForms(formIds: readonly string[]): Promise<Record<string, FormCounts>> {
  return guarded(() =>
    db().transaction('r', db().submissions, async () => {
      const all = await Promise.all(formIds.map((id) => countSubmissions(id)));
      return Object.fromEntries(formIds.map((id, i) => [id, all[i]!]));
    }),
  );
}

/** How many finalized submissions wait to be sent (status `queued`), counted from the status index. */
export function countUnsent(): Promise<number> {
  return guarded(() => db().submissions.where('status').equals('queued').count());
}
