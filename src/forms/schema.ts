// Form definitions are data: this schema is the wire format of PRODUCT.md sections 3 and 7
// (docs/forms.md), shared by the app, the service worker and the server. It imports nothing
// runtime-specific. Every definition valid before XLSForm (issue 13) is still valid and means the same.
import * as z from 'zod/mini';

import { LOCALES } from './locale';
import { rangeProblem } from './range';

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
  'image',
  'audio',
  'video',
  'file',
  'group',
  'repeat',
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

/** The most instances one repeat may hold in one response (or one enclosing instance), so no answer can flood storage. */
export const MAX_REPEAT_INSTANCES = 500;
/** How deep repeats may nest (a repeat in a repeat in a repeat). */
export const MAX_REPEAT_DEPTH = 3;

/** XLSForm's range on an `integer` or `number`: the answer is from start to end (either order), a whole number of steps from start. */
export const RangeSchema = z
  .strictObject({ start: z.number(), end: z.number(), step: z.number() })
  .check(z.refine((r) => rangeProblem(r) === undefined, { error: (issue) => rangeProblem(issue.input as { start: number; end: number; step: number }) ?? 'invalid range' }));

/** An XLSForm type Fieldbook maps onto one of its own, kept so the export writes it back: `barcode` (a `text`), `hidden` (a `calculate`). */
export const XLSFORM_TYPES = ['barcode', 'hidden'] as const;

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
  /** An image question's largest side in pixels: bigger photos are downscaled on the device (XLSForm `max-pixels`). */
  maxPixels: z.optional(z.int().check(z.positive(), z.lte(20_000))),
  /** XLSForm's range (type `range`, parameters start, end, step) on an `integer` or `number`. */
  range: z.optional(RangeSchema),
  /** The XLSForm type written for this question when it is not Fieldbook's own (load.ts checks it fits `type`). */
  xlsformType: z.optional(z.enum(XLSFORM_TYPES)),
  /** A repeat's number of instances: a number, or an expression evaluated outside the repeat (absent: the person adds and removes them). */
  repeatCount: z.optional(z.union([z.int().check(z.gte(0), z.lte(MAX_REPEAT_INSTANCES)), ExpressionSchema])),
  /** A group's or repeat's items. */
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
const questionLists = new WeakMap<Form, Map<string, Question[]>>();

/** Whether an item holds a value in the answers: not a group, not a note (a repeat holds its list of instances). */
export function holdsAnswer(q: Question): boolean {
  return q.type !== 'group' && q.type !== 'note';
}

/** Whether an item holds other items: a group or a repeat. */
export function holdsItems(q: Question): boolean {
  return q.type === 'group' || q.type === 'repeat';
}

/** One item as `itemsOf` yields it: its enclosing group or repeat, its section and its nearest enclosing repeat. */
export interface PlacedItem {
  item: Question;
  parent: Question | undefined;
  section: Section;
  /** The nearest repeat holding it (not itself); undefined outside any repeat. */
  repeat: Question | undefined;
}

/** Every item of the form, groups and repeats included, depth first in form order, with its enclosing group. */
export function* itemsOf(form: Form): Generator<PlacedItem> {
  function* walk(items: readonly Question[], parent: Question | undefined, section: Section, repeat: Question | undefined): Generator<PlacedItem> {
    for (const item of items) {
      yield { item, parent, section, repeat };
      if (holdsItems(item) && item.questions) yield* walk(item.questions, item, section, item.type === 'repeat' ? item : repeat);
    }
  }
  for (const section of form.sections) yield* walk(section.questions, undefined, section, undefined);
}

/**
 * The questions that hold an answer in one record: the response's (`repeat` undefined) or one
 * instance of that repeat. A nested repeat is one of them (its value is its list of instances);
 * its own questions are not. Calculations and metadata included; groups and notes not. Form order.
 */
export function questionsIn(form: Form, repeat: string | undefined): readonly Question[] {
  let lists = questionLists.get(form);
  if (!lists) {
    lists = new Map();
    for (const { item, repeat: r } of itemsOf(form)) {
      if (!holdsAnswer(item)) continue;
      const key = r?.id ?? '';
      const list = lists.get(key) ?? [];
      list.push(item);
      lists.set(key, list);
    }
    questionLists.set(form, lists);
  }
  return lists.get(repeat ?? '') ?? [];
}

/** The questions of the response's own record (a repeat counts as one, holding its instances), in form order. */
export function questionsOf(form: Form): readonly Question[] {
  return questionsIn(form, undefined);
}

/** Every repeat of the form, outer ones before those they hold, in form order. */
export function repeatsOf(form: Form): readonly Question[] {
  return [...itemsOf(form)].filter((x) => x.item.type === 'repeat').map((x) => x.item);
}

/** A question's answer on the wire: a text, a number, or a select_multiple's choices. */
export type FieldValue = string | number | string[];
/** One value of the answers: a question's, or a repeat's list of instances (each a record like the response's own). */
export type AnswerValue = FieldValue | Answers[];
/** Answers as held while filling and as sent: question id to value; a repeat's instances nest (docs/forms.md). */
export type Answers = { [id: string]: AnswerValue };

/** A definition as written in source, before validation. */
export type FormInput = z.input<typeof FormSchema>;
