// The built-in forms, validated once at load (a broken definition stops the app with a clear
// error), and on the device the published versions it has been given, looked up alike.
import { parseForm } from './load';
import type { Form } from './schema';
import { genderSensitivity } from './definitions/gender-sensitivity';
import { gfpConstraints } from './definitions/gfp-constraints';
import { projectQuestionnaire } from './definitions/project-questionnaire';
import { workshopFeedback } from './definitions/workshop-feedback';

/** The built-in forms at version 1: the seed catalog, in the order the home screen lists them. */
export const FORMS: readonly Form[] = [projectQuestionnaire, genderSensitivity, workshopFeedback, gfpConstraints].map(parseForm);

const BUILT_IN: ReadonlySet<Form> = new Set(FORMS);

/** Published versions this runtime holds, by `id@version`; versions never change, so one object each. */
const known = new Map<string, Form>(FORMS.map((f) => [`${f.id}@${f.version}`, f]));

/** Adds published versions to what `findForm` finds (the device's stored definitions). */
export function rememberForms(forms: Iterable<Form>): void {
  for (const form of forms) {
    const key = `${form.id}@${form.version}`;
    if (!known.has(key)) known.set(key, form);
  }
}

/** Whether this is one of the built-in definitions, whose other languages come from the app's packs. */
export function isBuiltIn(form: Form): boolean {
  return BUILT_IN.has(form);
}

/** The form with this id, at this version when one is given (otherwise the latest known). */
export function findForm(formId: string, version?: number): Form | undefined {
  if (version !== undefined) return known.get(`${formId}@${version}`);
  let latest: Form | undefined;
  for (const form of known.values()) if (form.id === formId && (!latest || form.version > latest.version)) latest = form;
  return latest;
}
