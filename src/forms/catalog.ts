// WARNING: part of the home screen's first load. The built-in forms' ids and titles in each
// language, kept apart from the definitions so home can list the forms without loading every
// question (or any language pack). A test checks the titles against the definitions and packs.
import type { Locale } from './locale';
import type { FormState, Text } from './schema';

/** Each built-in form's id and title by language, in the order home lists them. */
export const FORM_CATALOG = [
  {
    id: 'project-questionnaire',
    title: { en: 'Project questionnaire', fr: 'Questionnaire sur le projet', es: 'Cuestionario sobre el proyecto' },
  },
  {
    id: 'gender-sensitivity',
    title: {
      en: 'Staff gender sensitivity survey',
      fr: 'Enquête sur la sensibilisation du personnel aux questions de genre',
      es: 'Encuesta al personal sobre sensibilización en materia de género',
    },
  },
  { id: 'workshop-feedback', title: { en: 'Workshop feedback', fr: 'Évaluation de l’atelier', es: 'Evaluación del taller' } },
  {
    id: 'gfp-constraints',
    title: {
      en: 'Gender Focal Point constraints survey',
      fr: 'Enquête sur les contraintes rencontrées par les points focaux pour les questions de genre',
      es: 'Encuesta sobre las limitaciones que encuentran los puntos focales de género',
    },
  },
] as const satisfies readonly { id: string; title: Readonly<Record<Locale, string>> }[];

export type BuiltInFormId = (typeof FORM_CATALOG)[number]['id'];

/** The English title of a built-in form, for its definition. */
export function catalogTitle(id: BuiltInFormId): string {
  return FORM_CATALOG.find((f) => f.id === id)!.title.en;
}

/** One form on home: what to call it, whether it takes new responses, and the version they use. */
export interface HomeForm {
  id: string;
  title: Text;
  state: FormState;
  latest: number;
}

/** The built-in forms as home lists them before the device has heard from any server. */
export const BUILT_IN_HOME: readonly HomeForm[] = FORM_CATALOG.map((f) => ({ id: f.id, title: f.title, state: 'open', latest: 1 }));
