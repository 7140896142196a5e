// WARNING: part of the home screen's first load. The built-in forms' ids and English titles,
// kept apart from the definitions so home can list the forms without loading every question.

/** Each built-in form's id and English title, in the order home lists them. */
export const FORM_CATALOG = [
  { id: 'project-questionnaire', title: 'Project questionnaire' },
  { id: 'gender-sensitivity', title: 'Staff gender sensitivity survey' },
  { id: 'workshop-feedback', title: 'Workshop feedback' },
  { id: 'gfp-constraints', title: 'Gender Focal Point constraints survey' },
] as const;

export type BuiltInFormId = (typeof FORM_CATALOG)[number]['id'];

/** The English title of a built-in form, for its definition and for home. */
export function catalogTitle(id: BuiltInFormId): string {
  return FORM_CATALOG.find((f) => f.id === id)!.title;
}
