// The aggregate of a form's responses, disaggregated by sex: computed by the device from its
// own data and by the server (GET /api/v1/forms/{formId}/results) from everything stored, so
// both draw the same charts. Every per-sex array follows SEX_KEYS.
import * as z from 'zod/mini';
import { SEX_OPTION_IDS } from '../forms/schema';

/** The sex series, in order: the form's four options, then responses with no sex recorded. */
export const SEX_KEYS = [...SEX_OPTION_IDS, 'not_stated'] as const;
export type SexKey = (typeof SEX_KEYS)[number];

const Count = z.int().check(z.nonnegative());
const BySex = z.array(Count).check(z.length(SEX_KEYS.length));

/** A choice question (yesno, single, likert, multi): respondents per answer and sex. */
export const ChoiceResultSchema = z.object({
  kind: z.literal('choice'),
  questionId: z.string(),
  /** Answer codes in form order: option ids, `yes`/`no`, or likert points `1`..`5`. */
  categories: z.array(z.string()),
  /** counts[category][sex]. A multi's respondent counts once under each option chosen. */
  counts: z.array(BySex),
  /** Respondents who answered the question, by sex: the base for shares. */
  answered: BySex,
  /** Across versions, the responses whose version asks this question; absent when every one does. */
  covers: z.optional(Count),
});
export type ChoiceResult = z.infer<typeof ChoiceResultSchema>;

/** A numeric context question (integer, number): the sum of answers, by sex. */
export const NumberResultSchema = z.object({
  kind: z.literal('number'),
  questionId: z.string(),
  sums: z.array(z.number()).check(z.length(SEX_KEYS.length)),
  answered: BySex,
  covers: z.optional(Count),
});
export type NumberResult = z.infer<typeof NumberResultSchema>;

export const QuestionResultSchema = z.discriminatedUnion('kind', [ChoiceResultSchema, NumberResultSchema]);
export type QuestionResult = z.infer<typeof QuestionResultSchema>;

/**
 * A repeat's instances (household members, trainings attended), by the respondent's sex: how
 * many instances in all, and in how many responses (those holding at least one). A nested
 * repeat counts its instances inside every enclosing instance.
 */
export const RepeatResultSchema = z.object({
  repeatId: z.string(),
  instances: BySex,
  responses: BySex,
});
export type RepeatResult = z.infer<typeof RepeatResultSchema>;

/** One form's results: the response count, its split by sex, and each question's. */
export const FormResultsSchema = z.object({
  formId: z.string(),
  /** The definition the results are laid out by (the current one). */
  formVersion: z.int(),
  total: Count,
  bySex: BySex,
  /**
   * The question responses were split by (the newest version's that has one, see sex.ts); null
   * when no version has one, so every response is "not stated" and results are totals only.
   * Absent from servers older than this field, which always split by `sex`.
   */
  sexQuestion: z.optional(z.nullable(z.string())),
  questions: z.array(QuestionResultSchema),
  /** One per repeat of the form, in form order; absent when it has none, and from older servers. */
  repeats: z.optional(z.array(RepeatResultSchema)),
});
export type FormResults = z.infer<typeof FormResultsSchema>;
