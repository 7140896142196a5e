// The ingest hot path: a submission the compiled checks accept is stored without zod, its
// canonical JSON written from its form's sorted question ids. Anything they do not accept
// goes to the full zod check, which decides and words the errors, so answers stay the same.
import { compileFastAnswerCheck } from '../src/forms/fast-answers';
import { fastAcceptsShape } from '../src/forms/fast-submission';
import { builtInLookup, isForm, type FormLookup } from '../src/forms/lookup';
import type { Answers } from '../src/forms/relevance';
import type { Form } from '../src/forms/schema';
import type { Submission } from '../src/forms/submission';
import { canonicalWriterFor } from './canonical';

interface CompiledForm {
  accepts: (answers: Answers) => boolean;
  canonical: (submission: Submission) => string;
}

/** Compiled once per form version: forms never change once loaded. */
const compiledForms = new WeakMap<Form, CompiledForm>();

function compiled(form: Form): CompiledForm {
  let entry = compiledForms.get(form);
  if (!entry) compiledForms.set(form, (entry = { accepts: compileFastAnswerCheck(form), canonical: canonicalWriterFor(form) }));
  return entry;
}

/** A valid submission and its canonical JSON, or undefined when the fast checks cannot vouch for it (ask zod). */
export function fastAccept(input: unknown, lookup: FormLookup = builtInLookup): { submission: Submission; json: string } | undefined {
  if (!fastAcceptsShape(input)) return undefined;
  const form = lookup(input.formId, input.formVersion);
  if (!isForm(form)) return undefined;
  const { accepts, canonical } = compiled(form);
  return accepts(input.answers) ? { submission: input, json: canonical(input) } : undefined;
}
