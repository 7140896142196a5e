// What happens to each submission of a batch: checked against its form, then stored,
// recognised as a retry, or rejected. The decisions are pure; the store is the only I/O.
import { canonicalSubmissionJson } from '../src/export/canonical-json';
import { checkAgainstForm } from '../src/forms/check';
import type { Attachment } from '../src/forms/attachments';
import type { FormLookup } from '../src/forms/lookup';
import type { Submission } from '../src/forms/submission';
import type { SubmissionError, SubmissionResult } from '../src/sync/api';
import { sha256Hex } from './canonical';
import { fastAccept } from './fast-check';
import type { AttachmentStore, NewSubmission, PutOutcome, SubmissionStore } from './store/types';

// The checks themselves are shared with the device's bundle import.
export { echoedId, issuesToErrors, MAX_ECHOED_ID_CHARS, MAX_ERRORS_PER_SUBMISSION } from '../src/forms/check';

/** A valid submission ready to store, with the files it lists (present only when it lists some); or why it is refused. */
export type Checked = { ok: true; item: NewSubmission; attachments?: readonly Attachment[] } | { ok: false; id: string; errors: SubmissionError[] };

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
  const { submission } = checked;
  return { ok: true, item: itemOf(submission, canonicalSubmissionJson(submission)), ...(submission.attachments?.length && { attachments: submission.attachments }) };
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

/**
 * Each valid submission's files the server does not hold, by its index in `checked`, in one query
 * for the batch. A submission already stored is left to the store to call a duplicate.
 */
async function missingFiles(attachments: AttachmentStore, checked: readonly Checked[]): Promise<Map<number, SubmissionError[]>> {
  const keys = checked.flatMap((c) => (c.ok && c.attachments ? c.attachments.map((a) => ({ submissionId: c.item.id, sha256: a.sha256 })) : []));
  const out = new Map<number, SubmissionError[]>();
  if (keys.length === 0) return out;
  const missing = new Set((await attachments.missing(keys)).map((k) => `${k.submissionId} ${k.sha256}`));
  if (missing.size === 0) return out;
  checked.forEach((c, index) => {
    if (!c.ok || !c.attachments) return;
    const errors = c.attachments.flatMap((a, i): SubmissionError[] =>
      missing.has(`${c.item.id} ${a.sha256}`)
        ? [{ path: `attachments.${i}`, message: `The file ${a.name} has not reached the server; send it, then this submission again.`, code: 'attachment_missing' }]
        : [],
    );
    if (errors.length > 0) out.set(index, errors);
  });
  return out;
}

/**
 * Checks a batch, stores its valid submissions whose files are all on the server in one
 * transaction, and answers one result per input, in order. A submission missing a file is
 * rejected with `attachment_missing` and not stored: the device sends its files, then it again.
 */
export async function ingestBatch(
  store: SubmissionStore & { attachments: AttachmentStore },
  inputs: readonly unknown[],
  receivedAt: string,
  lookup?: FormLookup,
): Promise<SubmissionResult[]> {
  const checked = inputs.map((input) => checkSubmission(input, lookup));
  const missing = await missingFiles(store.attachments, checked);
  const valid = checked.flatMap((c, i) => (c.ok && !missing.has(i) ? [c.item] : []));
  const outcomes = valid.length > 0 ? await store.ingest(valid, receivedAt) : [];
  let next = 0;
  return checked.map((c, i) => {
    if (!c.ok) return { id: c.id, status: 'rejected', errors: c.errors };
    const errors = missing.get(i);
    if (errors) return { id: c.item.id, status: 'rejected', errors };
    const outcome = outcomes[next++];
    if (!outcome) throw new Error('the store answered fewer outcomes than submissions');
    return resultOf(c.item, outcome);
  });
}
