// How a checker finds the form version a submission names. The server asks its registry (every
// published version, with the form's state); the device asks the definitions it keeps.
import type { SubmissionError } from '../sync/api';
import { findForm } from './index';
import type { Form } from './schema';

/** The definition of a form version, or the error that refuses its submissions. */
export type FormLookup = (formId: string, version: number) => Form | SubmissionError;

/** The refusal of a form nobody published. */
export function unknownForm(formId: string): SubmissionError {
  return { path: 'formId', message: `Unknown form "${formId}".` };
}

/** The refusal of a version never published. */
export function unknownVersion(formId: string, version: number): SubmissionError {
  return { path: 'formVersion', message: `Form "${formId}" has no version ${version} known here.` };
}

/** The forms this runtime holds (the built-in ones, and on the device those it was given). */
export const builtInLookup: FormLookup = (formId, version) => findForm(formId, version) ?? (findForm(formId) ? unknownVersion(formId, version) : unknownForm(formId));

/** Whether a lookup found a form rather than a refusal. */
export function isForm(found: Form | SubmissionError): found is Form {
  return 'sections' in found;
}
