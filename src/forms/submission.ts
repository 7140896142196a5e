// The submission as it crosses the wire (PRODUCT.md section 5) and as a bundle holds it.
import * as z from 'zod/mini';
import { AttachmentsSchema } from './attachments';
import { LocaleSchema, MAX_REPEAT_DEPTH, MAX_REPEAT_INSTANCES, type Answers } from './schema';

/** Caps on free-form metadata so a submission stays small. */
export const MAX_META_CHARS = 200;
export const MAX_FORM_ID_CHARS = 100;
export const MAX_ANSWER_KEY_CHARS = 100;

const IsoTimeSchema = z.iso.datetime({ offset: true });
const MetaText = z.string().check(z.maxLength(MAX_META_CHARS));

export const SubmissionMetaSchema = z.strictObject({
  deviceId: z.string().check(z.minLength(1), z.maxLength(MAX_META_CHARS)),
  enumerator: MetaText,
  locale: LocaleSchema,
  appVersion: MetaText,
  startedAt: IsoTimeSchema,
  completedAt: IsoTimeSchema,
});
export type SubmissionMeta = z.infer<typeof SubmissionMetaSchema>;

/** How many repeat instances one submission may hold in all, nested ones included. */
export const MAX_INSTANCES_PER_SUBMISSION = 2_000;

/**
 * Answer values are checked against their form by `answerSchema`; here only their shape: a text,
 * a number, a list of texts, or a repeat's list of instances, each a record of the same shape
 * (docs/forms.md), nested at most MAX_REPEAT_DEPTH deep and MAX_INSTANCES_PER_SUBMISSION in all.
 */
export const AnswersShapeSchema: z.ZodMiniType<Answers> = z
  .record(
    z.string().check(z.maxLength(MAX_ANSWER_KEY_CHARS)),
    z.union([z.string(), z.number(), z.array(z.string()), z.array(z.lazy(() => AnswersShapeSchema)).check(z.maxLength(MAX_REPEAT_INSTANCES))]),
  )
  .check(z.refine((answers) => instancesWithin(answers as Answers, 0, { left: MAX_INSTANCES_PER_SUBMISSION }), `repeats nest at most ${MAX_REPEAT_DEPTH} deep and hold at most ${MAX_INSTANCES_PER_SUBMISSION} instances in all`));

/** Whether a record's instances nest no deeper than MAX_REPEAT_DEPTH and number no more than `budget.left`. */
function instancesWithin(record: Answers, depth: number, budget: { left: number }): boolean {
  for (const key in record) {
    const value = record[key];
    if (!Array.isArray(value) || value.length === 0 || typeof value[0] === 'string') continue;
    if (depth >= MAX_REPEAT_DEPTH) return false;
    budget.left -= value.length;
    if (budget.left < 0) return false;
    for (const instance of value as Answers[]) if (!instancesWithin(instance, depth + 1, budget)) return false;
  }
  return true;
}

export const SubmissionSchema = z.strictObject({
  id: z.uuid(),
  formId: z.string().check(z.minLength(1), z.maxLength(MAX_FORM_ID_CHARS)),
  formVersion: z.int().check(z.positive()),
  answers: AnswersShapeSchema,
  meta: SubmissionMetaSchema,
  /** The files its media answers name (docs/attachments.md); absent when it has none. */
  attachments: z.optional(AttachmentsSchema),
});
export type Submission = z.infer<typeof SubmissionSchema>;
