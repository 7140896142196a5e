// Pieces several built-in forms share, so that a column such as `sex` or `region`
// means the same thing, with the same option ids, in every form's CSV export.
import type { FormInput } from '../schema';

/** One question as written in a definition, before validation. */
export type QuestionInput = FormInput['sections'][number]['questions'][number];

/** One choice of a single or multi question, as written in a definition. */
export type OptionInput = NonNullable<QuestionInput['options']>[number];

/** Sex options, in the order (and with the ids) `load.ts` insists on for every form. */
export const SEX_OPTIONS: OptionInput[] = [
  { id: 'female', label: 'Female' },
  { id: 'male', label: 'Male' },
  { id: 'other', label: 'Other' },
  { id: 'prefer_not_to_say', label: 'Prefer not to say' },
];

/** The respondent's sex: required everywhere, since every result is disaggregated by it. */
export const sexQuestion: QuestionInput = {
  id: 'sex',
  type: 'single',
  label: 'Sex',
  hint: 'Asked so that every result can be broken down by sex.',
  required: true,
  options: SEX_OPTIONS,
};

/** World regions, broad enough that every Mission falls in exactly one. */
export const REGION_OPTIONS: OptionInput[] = [
  { id: 'africa', label: 'Africa' },
  { id: 'americas', label: 'The Americas' },
  { id: 'asia_pacific', label: 'Asia and the Pacific' },
  { id: 'europe', label: 'Europe' },
  { id: 'middle_east', label: 'The Middle East' },
];

/** The region of the Mission or office the answers are about. */
export const regionQuestion: QuestionInput = {
  id: 'region',
  type: 'single',
  label: 'Region',
  options: REGION_OPTIONS,
};

/** The Mission or office, as free text: the list of Missions changes too often to fix here. */
export const missionQuestion: QuestionInput = {
  id: 'mission',
  type: 'text',
  label: 'Mission or office',
  hint: 'For example: IOM Bogota, MRF Dhaka, Headquarters.',
  required: true,
  max: 200,
};

/** Grades as the report groups staff: senior, middle and junior. */
export const GRADE_OPTIONS: OptionInput[] = [
  { id: 'senior', label: 'Senior' },
  { id: 'middle', label: 'Middle' },
  { id: 'junior', label: 'Junior' },
];

/** The respondent's grade, for staff surveys and workshop participants alike. */
export const gradeQuestion: QuestionInput = {
  id: 'grade',
  type: 'single',
  label: 'Grade',
  hint: 'Your level of seniority.',
  options: GRADE_OPTIONS,
};

/** Hint for every "choose all that apply" list, worded once. */
export const CHOOSE_ALL_HINT = 'Choose all that apply.';
