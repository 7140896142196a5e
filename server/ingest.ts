// What happens to each submission of a batch: checked against its form, then stored,
// recognised as a retry, or rejected. The decisions are pure; the store is the only I/O.
import { canonicalSubmissionJson } from '../src/export/canonical-json';
import { checkAgainstForm } from '../src/forms/check';
import type { FormLookup } from '../src/forms/lookup';
import type { Submission } from '../src/forms/submission';
import type { SubmissionError, SubmissionResult } from '../src/sync/api';
import { sha256Hex } from './canonical';
import { fastAccept } from './fast-check';
import type { NewSubmission, PutOutcome, SubmissionStore } from './store/types';

// The checks themselves are shared with the device's bundle import.
export { echoedId, issuesToErrors, MAX_ECHOED_ID_CHARS, MAX_ERRORS_PER_SUBMISSION } from '../src/forms/check';

export type Checked = { ok: true; item: NewSubmission } | { ok: false; id: string; errors: SubmissionError[] };

function itemOf(submission: Submission, json: string): NewSubmission {
  return {
    id: submission.id,
    formId: submission.formId,
    formVersion: submission.formVersion,
    deviceId: submission.meta.deviceId,
    hash: sha256Hex(json),
    json,
  };
}

/**
 * Validates one submission as sent (shape, form and version, answers) and prepares it for the
 * store. Most are valid, so the compiled checks go first; zod judges the rest and words why.
 */
export function checkSubmission(input: unknown, lookup?: FormLookup): Checked {
  const fast = fastAccept(input, lookup);
  if (fast) return { ok: true, item: itemOf(fast.submission, fast.json) };
  const checked = checkAgainstForm(input, lookup);
  if (!checked.ok) return checked;
  return { ok: true, item: itemOf(checked.submission, canonicalSubmissionJson(checked.submission)) };
}

/** The verdict on a valid submission once the store has tried to put it. */
export function resultOf(item: NewSubmission, outcome: PutOutcome): SubmissionResult {
  if (outcome.inserted) return { id: item.id, status: 'stored' };
  if (outcome.storedHash === item.hash) return { id: item.id, status: 'duplicate' };
  return {
    id: item.id,
    status: 'rejected',
    errors: [{ path: 'id', message: 'A different submission with this id is already stored; this one was not kept.' }],
  };
}

/** Checks a batch, stores its valid submissions in one transaction, and answers one result per input, in order. */
export async function ingestBatch(store: SubmissionStore, inputs: readonly unknown[], receivedAt: string, lookup?: FormLookup): Promise<SubmissionResult[]> {
  const checked = inputs.map((input) => checkSubmission(input, lookup));
  const valid = checked.flatMap((c) => (c.ok ? [c.item] : []));
  const outcomes = valid.length > 0 ? await store.ingest(valid, receivedAt) : [];
  let next = 0;
  return checked.map((c) => {
    if (!c.ok) return { id: c.id, status: 'rejected', errors: c.errors };
    const outcome = outcomes[next++];
    if (!outcome) throw new Error('the store answered fewer outcomes than submissions');
    return resultOf(c.item, outcome);
  });
}
