// The submission as it crosses the wire (PRODUCT.md section 5) and as a bundle holds it.
import * as z from 'zod/mini';
import { LocaleSchema } from './schema';

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

/** Answer values are checked against their form by `answerSchema`; here only their shape. */
export const AnswersShapeSchema = z.record(
  z.string().check(z.maxLength(MAX_ANSWER_KEY_CHARS)),
  z.union([z.string(), z.number(), z.array(z.string())]),
);

export const SubmissionSchema = z.strictObject({
  id: z.uuid(),
  formId: z.string().check(z.minLength(1), z.maxLength(MAX_FORM_ID_CHARS)),
  formVersion: z.int().check(z.positive()),
  answers: AnswersShapeSchema,
  meta: SubmissionMetaSchema,
});
export type Submission = z.infer<typeof SubmissionSchema>;
