// Whether a submission as sent (or as found in a bundle) is acceptable: its shape, then its
// form and version, then its answers. Shared by the server's ingest and the device's bundle
// import, so both refuse exactly the same submissions for the same reasons.
import type * as z from 'zod/mini';
import type { SubmissionError } from '../sync/api';
import { answerSchema } from './answers';
import { attachmentErrors } from './attachment-check';
import { builtInLookup, isForm, type FormLookup } from './lookup';
import type { Form } from './schema';
import { SubmissionSchema, type Submission } from './submission';

/** Caps what a rejection echoes back, so a hostile batch cannot inflate the answer. */
export const MAX_ERRORS_PER_SUBMISSION = 50;
export const MAX_ECHOED_ID_CHARS = 200;

/** A valid submission, or the id it claimed (empty when none) and why it was refused. */
export type SubmissionCheck = { ok: true; submission: Submission } | { ok: false; id: string; errors: SubmissionError[] };

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

/** Building a form's answer schema costs ~10 times more than using it, so each is built once. */
const answerSchemas = new WeakMap<Form, ReturnType<typeof answerSchema>>();
function cachedAnswerSchema(form: Form): ReturnType<typeof answerSchema> {
  let schema = answerSchemas.get(form);
  if (!schema) answerSchemas.set(form, (schema = answerSchema(form)));
  return schema;
}

/** Problems with a well-shaped submission's form, version, answers or attached files' manifest; empty when it is acceptable. */
export function formErrors(submission: Submission, lookup: FormLookup = builtInLookup): SubmissionError[] {
  const form = lookup(submission.formId, submission.formVersion);
  if (!isForm(form)) return [form];
  const parsed = cachedAnswerSchema(form).safeParse(submission.answers);
  const errors = parsed.success ? [] : issuesToErrors(parsed.error.issues, 'answers');
  errors.push(...attachmentErrors(form, submission));
  return errors.slice(0, MAX_ERRORS_PER_SUBMISSION);
}

/** Validates one submission as sent: its shape, its form and version, then its answers. */
export function checkAgainstForm(input: unknown, lookup: FormLookup = builtInLookup): SubmissionCheck {
  const parsed = SubmissionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, id: echoedId(input), errors: issuesToErrors(parsed.error.issues) };
  const errors = formErrors(parsed.data, lookup);
  return errors.length > 0 ? { ok: false, id: parsed.data.id, errors } : { ok: true, submission: parsed.data };
}
