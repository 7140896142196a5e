// Form definitions are data: this schema is the wire format of PRODUCT.md section 3,
// shared by the app, the service worker and the server. It imports nothing runtime-specific.
import * as z from 'zod/mini';

import { LOCALES } from './locale';

export { LOCALES, type Locale } from './locale';
export const LocaleSchema = z.enum(LOCALES);

/** A text shown to people: one string, or one string per language. */
export const TextSchema = z.union([
  z.string().check(z.minLength(1)),
  z.strictObject({
    en: z.string().check(z.minLength(1)),
    fr: z.optional(z.string().check(z.minLength(1))),
    es: z.optional(z.string().check(z.minLength(1))),
  }),
]);
export type Text = z.infer<typeof TextSchema>;

/** Stable ids double as CSV column names, so they stay snake_case. */
const SnakeIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'));
const FormIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case'));

export const QUESTION_TYPES = [
  'text',
  'longtext',
  'integer',
  'number',
  'date',
  'single',
  'multi',
  'yesno',
  'likert',
] as const;
export const QuestionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

export const OptionSchema = z.strictObject({ id: SnakeIdSchema, label: TextSchema });
export type Option = z.infer<typeof OptionSchema>;

const ScalarSchema = z.union([z.string(), z.number()]);

/** Skip logic: a question shows only when an earlier answer matches. */
export const RelevantSchema = z.union([
  z.strictObject({ question: SnakeIdSchema, equals: ScalarSchema }),
  z.strictObject({ question: SnakeIdSchema, includes: z.string() }),
  z.strictObject({ question: SnakeIdSchema, oneOf: z.array(ScalarSchema).check(z.minLength(1)) }),
]);
export type Relevant = z.infer<typeof RelevantSchema>;

export const QuestionSchema = z.strictObject({
  id: SnakeIdSchema,
  type: QuestionTypeSchema,
  label: TextSchema,
  hint: z.optional(TextSchema),
  required: z.optional(z.boolean()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  options: z.optional(z.array(OptionSchema).check(z.minLength(1))),
  relevant: z.optional(RelevantSchema),
});
export type Question = z.infer<typeof QuestionSchema>;

export const SectionSchema = z.strictObject({
  id: SnakeIdSchema,
  title: TextSchema,
  questions: z.array(QuestionSchema).check(z.minLength(1)),
});
export type Section = z.infer<typeof SectionSchema>;

export const FormSchema = z.strictObject({
  id: FormIdSchema,
  version: z.int().check(z.positive()),
  title: TextSchema,
  sections: z.array(SectionSchema).check(z.minLength(1)),
  /** The respondent-sex question's id, when the author names it (XLSForm settings `sex_question`); see src/results/sex.ts. */
  sexQuestion: z.optional(SnakeIdSchema),
});
export type Form = z.infer<typeof FormSchema>;

/** A published form's state (PRODUCT.md section 7): open takes new responses, closing only finishes them, closed takes none. */
export const FORM_STATES = ['open', 'closing', 'closed'] as const;
export const FormStateSchema = z.enum(FORM_STATES);
export type FormState = z.infer<typeof FormStateSchema>;

/** The respondent's sex, collected by every form so every result can be disaggregated. */
export const SEX_QUESTION_ID = 'sex';
export const SEX_OPTION_IDS = ['female', 'male', 'other', 'prefer_not_to_say'] as const;

/** Forms never change once loaded, so each form's flat question list is built once. */
const questionLists = new WeakMap<Form, readonly Question[]>();

/** All questions of a form, in form order. */
export function questionsOf(form: Form): readonly Question[] {
  let list = questionLists.get(form);
  if (!list) questionLists.set(form, (list = form.sections.flatMap((s) => s.questions)));
  return list;
}

/** A definition as written in source, before validation. */
export type FormInput = z.input<typeof FormSchema>;
