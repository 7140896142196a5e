// What importing a bundle does to a device, decided without touching storage: new ids are
// added as queued (so this device sends them onward), identical ones skipped, and an id
// already held with other content reported as a conflict and left alone.
import type { Submission } from '../forms/submission';
import type { StoredSubmission } from '../storage/record';
import { toWire } from '../sync/outbox';
import { canonicalJson } from './canonical-json';

/** The outcome of an import, before or after it is written. */
export interface ImportPlan {
  /** Records to add, as queued, with their original id and meta. */
  add: StoredSubmission[];
  /** Ids already held with exactly this content (or repeated within the file). */
  skipped: string[];
  /** Ids held with different content: neither copy is changed. */
  conflicts: string[];
}

/** The record a device keeps for an imported submission: queued, meta as it came. */
export function importedRecord(submission: Submission): StoredSubmission {
  const { id, formId, formVersion, answers, meta, attachments } = submission;
  // updatedAt is this device's bookkeeping; the completion time keeps lists in collection order.
  return { id, formId, formVersion, status: 'queued', answers, meta: { ...meta, updatedAt: meta.completedAt }, ...(attachments?.length ? { attachments } : {}) };
}

/**
 * Decides each incoming submission against what the device holds (`held[i]` for `incoming[i]`).
 * A draft with the same id is a conflict: a draft is never finalized by someone else's file.
 */
export function planImport(incoming: readonly Submission[], held: ReadonlyArray<StoredSubmission | undefined>): ImportPlan {
  const plan: ImportPlan = { add: [], skipped: [], conflicts: [] };
  const seen = new Map<string, string>();
  incoming.forEach((submission, i) => {
    const text = canonicalJson(submission);
    const earlier = seen.get(submission.id);
    if (earlier !== undefined) {
      (earlier === text ? plan.skipped : plan.conflicts).push(submission.id);
      return;
    }
    seen.set(submission.id, text);
    const existing = held[i];
    if (!existing) plan.add.push(importedRecord(submission));
    else if (existing.status !== 'draft' && canonicalJson(toWire(existing)) === text) plan.skipped.push(submission.id);
    else plan.conflicts.push(submission.id);
  });
  return plan;
}
