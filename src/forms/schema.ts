// Form definitions are data: this schema is the wire format of PRODUCT.md sections 3 and 7
// (docs/forms.md), shared by the app, the service worker and the server. It imports nothing
// runtime-specific. Every definition valid before XLSForm (issue 13) is still valid and means the same.
import * as z from 'zod/mini';

import { LOCALES } from './locale';

export { LOCALES, type Locale } from './locale';
export const LocaleSchema = z.enum(LOCALES);

/** A language key of a form's texts: a code such as `fr` or `ar`, or a name such as `English` when the form gave no code. */
const LanguageKeySchema = z.string().check(z.minLength(1), z.maxLength(100));

/** A text shown to people: one string, or one string per language (any language, not only en/fr/es). */
export const TextSchema = z.union([
  z.string().check(z.minLength(1)),
  z.record(LanguageKeySchema, z.string().check(z.minLength(1))).check(z.refine((r) => Object.keys(r).length > 0, 'a text needs at least one language')),
]);
export type Text = z.infer<typeof TextSchema>;

/**
 * Question, group and option names double as CSV column names and as `${name}` in expressions:
 * XML names as XLSForm allows them (letters of any script, digits, `_`, `-`, `.`, starting with a letter or `_`).
 */
const NameSchema = z.string().check(z.regex(/^[\p{L}_][\p{L}\p{M}\p{N}_.\-\u00B7]*$/u, 'must be a name: letters, digits, _ - or ., starting with a letter or _'), z.maxLength(200));
/** A choice name: any text without spaces, as a select_multiple answer lists them space-separated. */
const OptionIdSchema = z.string().check(z.regex(/^\S+$/, 'must be a choice name without spaces'), z.maxLength(200));
const FormIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case'));

/** Question types: the original nine, then what XLSForm adds (docs/forms.md maps each XLSForm type). */
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
  'time',
  'datetime',
  'note',
  'calculate',
  'acknowledge',
  'start',
  'end',
  'today',
  'deviceid',
  'username',
  'geopoint',
  'geotrace',
  'geoshape',
  'group',
] as const;
export const QuestionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof QuestionTypeSchema>;

/** Types the device fills by itself (never shown). */
export const METADATA_TYPES: ReadonlySet<QuestionType> = new Set(['start', 'end', 'today', 'deviceid', 'username']);

/** A choice; `data` holds the choices sheet's other columns, which a choice_filter reads. */
export const OptionSchema = z.strictObject({
  id: OptionIdSchema,
  label: TextSchema,
  data: z.optional(z.record(z.string(), z.string())),
});
export type Option = z.infer<typeof OptionSchema>;

const ScalarSchema = z.union([z.string(), z.number()]);

/** Skip logic as first defined: a question shows only when an earlier answer matches. */
export const RelevantRuleSchema = z.union([
  z.strictObject({ question: NameSchema, equals: ScalarSchema }),
  z.strictObject({ question: NameSchema, includes: z.string() }),
  z.strictObject({ question: NameSchema, oneOf: z.array(ScalarSchema).check(z.minLength(1)) }),
]);
export type RelevantRule = z.infer<typeof RelevantRuleSchema>;

/** An XLSForm expression (docs/expressions.md). */
const ExpressionSchema = z.string().check(z.minLength(1), z.maxLength(10_000));

/** Relevance: the original rule, or an expression. */
export const RelevantSchema = z.union([RelevantRuleSchema, ExpressionSchema]);
export type Relevant = z.infer<typeof RelevantSchema>;

/**
 * One item of a section: a question, or (type `group`) a group of items, nested to any depth.
 * One schema for both keeps the errors of old definitions where they were (`questions[3].type`).
 */
export const QuestionSchema = z.strictObject({
  id: NameSchema,
  type: QuestionTypeSchema,
  /** Required for every type but `group`, `calculate` and the metadata types (load.ts checks). */
  label: z.optional(TextSchema),
  hint: z.optional(TextSchema),
  required: z.optional(z.union([z.boolean(), ExpressionSchema])),
  requiredMessage: z.optional(TextSchema),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  options: z.optional(z.array(OptionSchema).check(z.minLength(1))),
  /** The XLSForm choice list the options came from, kept for export. */
  listName: z.optional(z.string()),
  relevant: z.optional(RelevantSchema),
  constraint: z.optional(ExpressionSchema),
  constraintMessage: z.optional(TextSchema),
  calculation: z.optional(ExpressionSchema),
  /** The starting value: a literal, or an expression when it holds `${…}` or a call (evaluated once, when the response starts). */
  default: z.optional(z.string()),
  readOnly: z.optional(z.union([z.boolean(), ExpressionSchema])),
  choiceFilter: z.optional(ExpressionSchema),
  /** XLSForm's or_other: the importer added the `other` option and the `<id>_other` text question. */
  orOther: z.optional(z.boolean()),
  appearance: z.optional(z.string().check(z.maxLength(200))),
  /** A group's items. */
  get questions() {
    return z.optional(z.array(QuestionSchema).check(z.minLength(1)));
  },
});
export type Question = z.infer<typeof QuestionSchema>;

export const SectionSchema = z.strictObject({
  id: NameSchema,
  title: TextSchema,
  questions: z.array(QuestionSchema).check(z.minLength(1)),
  relevant: z.optional(ExpressionSchema),
});
export type Section = z.infer<typeof SectionSchema>;

export const FormSchema = z.strictObject({
  id: FormIdSchema,
  version: z.int().check(z.positive()),
  title: TextSchema,
  sections: z.array(SectionSchema).check(z.minLength(1)),
  /** The language keys the texts use, in the order offered; absent for single-language and built-in forms. */
  languages: z.optional(z.array(LanguageKeySchema).check(z.minLength(1))),
  /** The language shown when the interface's is not among `languages`. */
  defaultLanguage: z.optional(LanguageKeySchema),
  /** The respondent-sex question's id, when the author names it (XLSForm settings `sex_question`); see src/results/sex.ts. */
  sexQuestion: z.optional(NameSchema),
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

/** Whether an item holds a value in the answers: not a group, not a note. */
export function holdsAnswer(q: Question): boolean {
  return q.type !== 'group' && q.type !== 'note';
}

/** Every item of the form, groups included, depth first in form order, with its enclosing group. */
export function* itemsOf(form: Form): Generator<{ item: Question; parent: Question | undefined; section: Section }> {
  function* walk(items: readonly Question[], parent: Question | undefined, section: Section): Generator<{ item: Question; parent: Question | undefined; section: Section }> {
    for (const item of items) {
      yield { item, parent, section };
      if (item.type === 'group' && item.questions) yield* walk(item.questions, item, section);
    }
  }
  for (const section of form.sections) yield* walk(section.questions, undefined, section);
}

/** All questions that hold an answer (calculations and metadata included; groups and notes not), in form order. */
export function questionsOf(form: Form): readonly Question[] {
  let list = questionLists.get(form);
  if (!list) {
    const found: Question[] = [];
    for (const { item } of itemsOf(form)) if (holdsAnswer(item)) found.push(item);
    questionLists.set(form, (list = found));
  }
  return list;
}

/** A definition as written in source, before validation. */
export type FormInput = z.input<typeof FormSchema>;
