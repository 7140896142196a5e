// The built-in forms, validated once at load: a broken definition stops the app with a clear error.
import { parseForm } from './load';
import type { Form } from './schema';
import { genderSensitivity } from './definitions/gender-sensitivity';
import { gfpConstraints } from './definitions/gfp-constraints';
import { projectQuestionnaire } from './definitions/project-questionnaire';
import { workshopFeedback } from './definitions/workshop-feedback';

/** Every form this app and server accept, in the order the home screen lists them. */
export const FORMS: readonly Form[] = [projectQuestionnaire, genderSensitivity, workshopFeedback, gfpConstraints].map(parseForm);

/** The form with this id, at this version when one is given (otherwise the current one). */
export function findForm(formId: string, version?: number): Form | undefined {
  return FORMS.find((f) => f.id === formId && (version === undefined || f.version === version));
}
