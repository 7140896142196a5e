// What happens to each submission of a batch: checked against its form, then stored,
// recognised as a retry, or rejected. The decisions are pure; the store is the only I/O.
import * as z from 'zod/mini';
import { answerSchema } from '../src/forms/answers';
import { findForm } from '../src/forms/index';
import { SubmissionSchema, type Submission } from '../src/forms/submission';
import type { SubmissionError, SubmissionResult } from '../src/sync/api';
import { canonicalJson, sha256Hex } from './canonical';
import type { NewSubmission, PutOutcome, SubmissionStore } from './store/types';

/** Caps what a rejection echoes back, so a hostile batch cannot inflate the answer. */
export const MAX_ERRORS_PER_SUBMISSION = 50;
export const MAX_ECHOED_ID_CHARS = 200;

export type Checked = { ok: true; item: NewSubmission } | { ok: false; id: string; errors: SubmissionError[] };

/** The id to answer with: the submission's own when it has a string one, else empty. */
export function echoedId(input: unknown): string {
  if (typeof input !== 'object' || input === null || !('id' in input)) return '';
  return typeof input.id === 'string' ? input.id.slice(0, MAX_ECHOED_ID_CHARS) : '';
}

/** zod issues as API errors, with dotted paths (`answers.sex`) under an optional prefix. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix?: string): SubmissionError[] {
  return issues.slice(0, MAX_ERRORS_PER_SUBMISSION).map((issue) => {
    const parts = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    return parts.length > 0 ? { path: parts.join('.'), message: issue.message } : { message: issue.message };
  });
}

function formErrors(submission: Submission): SubmissionError[] {
  const form = findForm(submission.formId, submission.formVersion);
  if (form) {
    const parsed = answerSchema(form).safeParse(submission.answers);
    return parsed.success ? [] : issuesToErrors(parsed.error.issues, 'answers');
  }
  const current = findForm(submission.formId);
  if (!current) return [{ path: 'formId', message: `Unknown form "${submission.formId}".` }];
  return [
    {
      path: 'formVersion',
      message: `This server does not accept version ${submission.formVersion} of form "${submission.formId}" (it accepts version ${current.version}).`,
    },
  ];
}

/** Validates one submission as sent: its shape, its form and version, then its answers. */
export function checkSubmission(input: unknown): Checked {
  const parsed = SubmissionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, id: echoedId(input), errors: issuesToErrors(parsed.error.issues) };
  const submission = parsed.data;
  const errors = formErrors(submission);
  if (errors.length > 0) return { ok: false, id: submission.id, errors };
  const json = canonicalJson(submission);
  return {
    ok: true,
    item: {
      id: submission.id,
      formId: submission.formId,
      formVersion: submission.formVersion,
      deviceId: submission.meta.deviceId,
      hash: sha256Hex(json),
      json,
    },
  };
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
export async function ingestBatch(store: SubmissionStore, inputs: readonly unknown[], receivedAt: string): Promise<SubmissionResult[]> {
  const checked = inputs.map(checkSubmission);
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
