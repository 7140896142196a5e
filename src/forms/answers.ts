// One definition drives both the renderer and validation: the answer schema is derived
// from the form, so the browser and the server accept exactly the same answers.
import * as z from 'zod/mini';
import { ATTACHMENT_NAME } from './attachments';
import { MAX_GEO_POINTS, isGeopoint, isGeoshape, isGeotrace } from './geo';
import { ResponseState } from './logic';
import { ENGLISH_MESSAGES, type ValidationMessages } from './messages';
import { instancesIn, isRecord, parsePathKey, pathKey, type InstancePath } from './instances';
import { dropIrrelevant, isEmpty, type Answers } from './relevance';
import { onRangeGrid, rangeBounds } from './range';
import { MAX_REPEAT_INSTANCES, questionsIn, questionsOf, type Form, type Question } from './schema';
import { textIn } from './texts';

/** Text length caps where a question sets none, so no answer can flood storage. */
export const DEFAULT_MAX_TEXT_CHARS = 500;
export const DEFAULT_MAX_LONGTEXT_CHARS = 10_000;
export const LIKERT_POINTS = 5;
/** A line's or an area's text: room for its most points written in full ("-12.3456789 -123.4567890 1234.56 12.34;"). */
export const MAX_GEO_TEXT_CHARS = MAX_GEO_POINTS * 50;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** hh:mm, hh:mm:ss or hh:mm:ss.sss, optionally with an offset (ODK stores 14:05:00.000+02:00). */
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Whether a text is a time of day as time questions store it. */
export function isTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

/** Whether a text is a real date followed by `T` and a time (datetime, start and end). */
export function isDateTime(value: string): boolean {
  const t = value.indexOf('T');
  return t === 10 && isRealDate(value.slice(0, 10)) && isTime(value.slice(11));
}

/** Whether a YYYY-MM-DD string names a day that exists (by arithmetic: this runs for every date answer the server checks). */
export function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

function textSchema(q: Question, m: ValidationMessages) {
  const max = q.max ?? (q.type === 'longtext' ? DEFAULT_MAX_LONGTEXT_CHARS : DEFAULT_MAX_TEXT_CHARS);
  return z.string({ error: m.text }).check(z.minLength(q.min ?? 1, { error: m.tooShort(q.min ?? 1) }), z.maxLength(max, { error: m.tooLong(max) }));
}

function numberSchema(q: Question, m: ValidationMessages) {
  const base = q.type === 'integer' ? z.int({ error: m.integer }) : z.number({ error: m.number });
  const checks = [];
  if (q.min !== undefined) checks.push(z.gte(q.min, { error: m.tooSmall(q.min) }));
  if (q.max !== undefined) checks.push(z.lte(q.max, { error: m.tooLarge(q.max) }));
  if (q.range !== undefined) {
    const range = q.range;
    const { lo, hi, step } = rangeBounds(range);
    checks.push(z.gte(lo, { error: m.tooSmall(lo) }), z.lte(hi, { error: m.tooLarge(hi) }));
    checks.push(z.refine<number>((n) => onRangeGrid(n, range), { error: m.offStep(step, range.start) }));
  }
  return checks.length ? base.check(...checks) : base;
}

function choicesSchema(q: Question, m: ValidationMessages) {
  const ids = (q.options ?? []).map((o) => o.id);
  const option = z.enum(ids as [string, ...string[]], { error: m.option });
  if (q.type === 'single') return option;
  const min = q.min ?? 1;
  const max = q.max ?? ids.length;
  return z.array(option, { error: m.option }).check(
    z.minLength(min, { error: m.tooFewChoices(min) }),
    z.maxLength(max, { error: m.tooManyChoices(max) }),
    z.refine((list) => new Set(list).size === list.length, { error: m.duplicateChoice }),
  );
}

/** The zod schema for one question's value, by type (PRODUCT.md section 3). */
export function valueSchema(q: Question, m: ValidationMessages = ENGLISH_MESSAGES): z.ZodMiniType {
  switch (q.type) {
    case 'text':
    case 'longtext':
      return textSchema(q, m);
    case 'integer':
    case 'number':
      return numberSchema(q, m);
    case 'date':
      return z.string({ error: m.date }).check(z.refine(isRealDate, { error: m.date }));
    case 'single':
    case 'multi':
      return choicesSchema(q, m);
    case 'yesno':
      return z.enum(['yes', 'no'], { error: m.yesno });
    case 'likert':
      return z.int({ error: m.likert }).check(z.gte(1, { error: m.likert }), z.lte(LIKERT_POINTS, { error: m.likert }));
    case 'today':
      return z.string({ error: m.date }).check(z.refine(isRealDate, { error: m.date }));
    case 'time':
      return z.string({ error: m.time }).check(z.refine(isTime, { error: m.time }));
    case 'datetime':
    case 'start':
    case 'end':
      return z.string({ error: m.dateTime }).check(z.refine(isDateTime, { error: m.dateTime }));
    case 'acknowledge':
      return z.literal('OK', { error: m.acknowledge });
    case 'geopoint':
      return z.string({ error: m.geopoint }).check(z.maxLength(200, { error: m.geopoint }), z.refine(isGeopoint, { error: m.geopoint }));
    case 'geotrace':
      return z.string({ error: m.geotrace }).check(z.maxLength(MAX_GEO_TEXT_CHARS, { error: m.geotrace }), z.refine(isGeotrace, { error: m.geotrace }));
    case 'geoshape':
      return z.string({ error: m.geoshape }).check(z.maxLength(MAX_GEO_TEXT_CHARS, { error: m.geoshape }), z.refine(isGeoshape, { error: m.geoshape }));
    case 'image':
    case 'audio':
    case 'video':
    case 'file':
      // The file itself is listed in the submission's attachments, checked against this name by check.ts.
      return z.string({ error: m.attachment }).check(z.regex(ATTACHMENT_NAME, { error: m.attachment }));
    case 'calculate':
      // The device stores its calculation's result as text; the server recomputes it for the rules that read it.
      return z.union([z.string().check(z.maxLength(DEFAULT_MAX_LONGTEXT_CHARS)), z.number()], { error: m.text });
    case 'deviceid':
    case 'username':
      return z.string({ error: m.text }).check(z.maxLength(DEFAULT_MAX_TEXT_CHARS, { error: m.tooLong(DEFAULT_MAX_TEXT_CHARS) }));
    case 'repeat':
      // The list's shape; each instance's answers are checked by instanceErrors.
      return z.array(z.record(z.string(), z.unknown()), { error: m.repeat }).check(z.maxLength(MAX_REPEAT_INSTANCES, { error: m.tooManyInstances(MAX_REPEAT_INSTANCES) }));
    case 'note':
    case 'group':
      return z.never({ error: m.unknownQuestion });
  }
}

/**
 * Problems that depend on the whole set of answers: required questions (with the form's own
 * message), skip logic, constraints (with the form's own message), choice filters and repeat
 * counts, in every repeat instance too (keyed `household[2]/member_age`, see pathKey).
 * `language` picks the form's messages' language (default: the form's default language).
 */
export function completenessErrors(form: Form, answers: Answers, m: ValidationMessages = ENGLISH_MESSAGES, language?: string): Record<string, string> {
  const state = new ResponseState(form, answers, language === undefined ? {} : { language });
  const errors: Record<string, string> = {};
  const words = (text: Question['label']) => (text === undefined ? undefined : textIn(text, language ?? form.defaultLanguage ?? 'en', form.defaultLanguage));
  const check = (record: Answers, scope: string | undefined, at: InstancePath): void => {
    for (const q of questionsIn(form, scope)) {
      const key = pathKey(at, q.id);
      const value = record[q.id];
      const answered = value !== undefined && !isEmpty(value);
      const shown = state.relevant(q.id, at);
      if (shown && state.required(q.id, at) && !answered && q.calculation === undefined) errors[key] = words(q.requiredMessage) ?? m.required;
      if (!shown && value !== undefined) errors[key] = m.notApplicable;
      if (shown && answered && !state.constraintHolds(q.id, at)) errors[key] ??= words(q.constraintMessage) ?? m.constraint;
      if (shown && answered && q.choiceFilter !== undefined && !choiceAllowed(state, q.id, value, at)) errors[key] ??= m.option;
      if (q.type !== 'repeat' || !shown) continue;
      const instances = instancesIn(record, q.id);
      const count = state.repeatCount(q.id, at);
      if (count !== undefined && instances.length !== count) errors[key] ??= m.instanceCount(count);
      instances.forEach((instance, index) => check(instance, q.id, [...at, { repeat: q.id, index }]));
    }
  };
  check(answers, undefined, []);
  return errors;
}

/** Values of the wrong type and unknown questions inside repeat instances, keyed like completenessErrors. */
export function instanceErrors(form: Form, answers: Answers, m: ValidationMessages = ENGLISH_MESSAGES): Record<string, string> {
  const errors: Record<string, string> = {};
  const check = (record: Answers, scope: string, at: InstancePath): void => {
    const questions = questionsIn(form, scope);
    const known = new Set(questions.map((q) => q.id));
    for (const q of questions) {
      const value = record[q.id];
      if (value === undefined) continue;
      const result = valueSchema(q, m).safeParse(value);
      if (!result.success) errors[pathKey(at, q.id)] = result.error.issues[0]?.message ?? m.option;
      else if (q.type === 'repeat') instancesIn(record, q.id).forEach((instance, index) => check(instance, q.id, [...at, { repeat: q.id, index }]));
    }
    for (const key of Object.keys(record)) if (!known.has(key)) errors[pathKey(at, key)] = m.unknownQuestion;
  };
  for (const q of questionsOf(form)) {
    if (q.type !== 'repeat' || !valueSchema(q, m).safeParse(answers[q.id] ?? []).success) continue;
    instancesIn(answers, q.id).forEach((instance, index) => check(instance, q.id, [{ repeat: q.id, index }]));
  }
  return errors;
}

function choiceAllowed(state: ResponseState, id: string, value: unknown, at: InstancePath): boolean {
  const allowed = new Set(state.options(id, at).map((o) => o.id));
  return Array.isArray(value) ? value.every((v) => typeof v === 'string' && allowed.has(v)) : typeof value === 'string' && allowed.has(value);
}

/** The answers of a finalized submission: known questions, valid values, required ones present, irrelevant ones absent. */
export function answerSchema(form: Form, m: ValidationMessages = ENGLISH_MESSAGES) {
  const shape: Record<string, z.ZodMiniOptional<z.ZodMiniType>> = {};
  for (const q of questionsOf(form)) shape[q.id] = z.optional(valueSchema(q, m));
  return z.strictObject(shape, { error: m.unknownQuestion }).check(
    // `when` runs this even after an invalid value, so a rejection lists every problem, as validateAnswers does.
    z.superRefine((answers, ctx) => {
      const errors = instanceErrors(form, answers as Answers, m);
      for (const [key, message] of Object.entries(completenessErrors(form, answers as Answers, m))) errors[key] ??= message;
      for (const [key, message] of Object.entries(errors)) {
        ctx.issues.push({ code: 'custom', message, path: issuePath(key), input: key.includes('/') ? undefined : answers[key] });
      }
    }, { when: (payload) => isRecord(payload.value) }),
  );
}

/** `household[2]/member_age` as a zod path: ['household', 1, 'member_age'] (0-based, as the JSON is). */
function issuePath(key: string): (string | number)[] {
  const { at, id } = parsePathKey(key);
  return [...at.flatMap((s) => [s.repeat, s.index]), id];
}

/** Errors by question id (the first per question), for finalizing: `{}` means valid. */
export function validateAnswers(form: Form, answers: Answers, m: ValidationMessages = ENGLISH_MESSAGES, language?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(questionsOf(form).map((q) => q.id));
  for (const q of questionsOf(form)) {
    const value = answers[q.id];
    if (value === undefined) continue;
    const result = valueSchema(q, m).safeParse(value);
    if (!result.success) errors[q.id] = result.error.issues[0]?.message ?? m.option;
  }
  for (const key of Object.keys(answers)) if (!known.has(key)) errors[key] = m.unknownQuestion;
  for (const [key, message] of Object.entries(instanceErrors(form, answers, m))) errors[key] ??= message;
  for (const [id, message] of Object.entries(completenessErrors(form, answers, m, language))) errors[id] ??= message;
  return errors;
}

/** What finalizing stores: irrelevant and empty answers dropped, then validated. */
export function finalizeAnswers(form: Form, answers: Answers, m: ValidationMessages = ENGLISH_MESSAGES): { answers: Answers; errors: Record<string, string> } {
  const kept = dropIrrelevant(form, answers);
  return { answers: kept, errors: validateAnswers(form, kept, m) };
}
