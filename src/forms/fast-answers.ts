// A form compiled into plain checks, for the server's hot path: the same rules as
// `answerSchema(form)` (answers.ts) without zod's per-value bookkeeping (~14 µs a submission
// of the workshop form there, ~1.5 µs here). It may only say "yes" where the schema says
// "yes"; on "no" the caller asks the schema, which decides and words the errors. A test
// drives both over a table of answers for every form and question type.
import { DEFAULT_MAX_LONGTEXT_CHARS, DEFAULT_MAX_TEXT_CHARS, LIKERT_POINTS, isRealDate } from './answers';
import { isEmpty, type AnswerValue, type Answers } from './relevance';
import { usesOnlyOriginalRules } from './logic';
import { questionsOf, type Form, type Question, type RelevantRule } from './schema';
import { MAX_ANSWER_KEY_CHARS } from './submission';

type ValueCheck = (value: AnswerValue) => boolean;

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function choiceCheck(q: Question): ValueCheck {
  const ids = new Set<unknown>((q.options ?? []).map((o) => o.id));
  if (q.type === 'single') return (value) => ids.has(value);
  const min = q.min ?? 1;
  const max = q.max ?? ids.size;
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return false;
    for (let i = 0; i < value.length; i++) {
      // indexOf before i: a list holds a handful of choices, so this beats building a Set.
      if (!ids.has(value[i]) || (value as unknown[]).indexOf(value[i]!) !== i) return false;
    }
    return true;
  };
}

/** What `valueSchema(q)` accepts, as one closure per question built once. */
function valueCheck(q: Question): ValueCheck {
  switch (q.type) {
    case 'text':
    case 'longtext': {
      const min = q.min ?? 1;
      const max = q.max ?? (q.type === 'longtext' ? DEFAULT_MAX_LONGTEXT_CHARS : DEFAULT_MAX_TEXT_CHARS);
      return (value) => typeof value === 'string' && value.length >= min && value.length <= max;
    }
    case 'integer':
      return (value) => Number.isSafeInteger(value) && inRange(value as number, q.min, q.max);
    case 'number':
      return (value) => Number.isFinite(value) && inRange(value as number, q.min, q.max);
    case 'date':
      return (value) => typeof value === 'string' && isRealDate(value);
    case 'single':
    case 'multi':
      return choiceCheck(q);
    case 'yesno':
      return (value) => value === 'yes' || value === 'no';
    case 'likert':
      return (value) => Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= LIKERT_POINTS;
    default:
      // Never reached: forms with the types XLSForm added are left to the schema (usesOnlyOriginalRules).
      return () => false;
  }
}

/** `isRelevant`'s test of the answer a rule looks at (present), as a closure. */
function ruleTest(rule: RelevantRule): ValueCheck {
  if ('equals' in rule) return (value) => value === rule.equals;
  if ('includes' in rule) return (value) => Array.isArray(value) && (value as unknown[]).includes(rule.includes);
  return (value) => !Array.isArray(value) && rule.oneOf.includes(value);
}

interface CompiledQuestion {
  index: number;
  required: boolean;
  check: ValueCheck;
  /** The question's rule: the index of the question it looks at (-1: none) and its test. */
  rule?: { target: number; test: ValueCheck };
}

/** Never fast: zod reads answers through `in`, so a question id that names an inherited property behaves in ways left to zod. */
function compilable(questions: readonly Question[]): boolean {
  const ids = new Set(questions.map((q) => q.id));
  return ids.size === questions.length && questions.every((q) => !(q.id in Object.prototype) && q.id.length <= MAX_ANSWER_KEY_CHARS);
}

/**
 * True only when `answerSchema(form)` accepts `answers`: every key a question, every value
 * valid for its question, required ones present, irrelevant ones absent. False means "ask zod".
 */
export function compileFastAnswerCheck(form: Form): (answers: Answers) => boolean {
  const questions = questionsOf(form);
  // Expressions, groups and the types XLSForm added go to the schema path (answers.ts with logic.ts): one source of truth.
  if (!compilable(questions) || !usesOnlyOriginalRules(form)) return () => false;
  const byId = new Map<string, CompiledQuestion>();
  const compiled = questions.map((q, index): CompiledQuestion => {
    const entry: CompiledQuestion = {
      index,
      required: q.required === true,
      check: valueCheck(q),
      ...(typeof q.relevant === 'object' ? { rule: { target: questions.findIndex((other) => other.id === (q.relevant as RelevantRule).question), test: ruleTest(q.relevant) } } : {}),
    };
    byId.set(q.id, entry);
    return entry;
  });

  return (answers) => {
    const values: (AnswerValue | undefined)[] = new Array(compiled.length);
    for (const key in answers) {
      const q = byId.get(key);
      const value = answers[key];
      if (!q || value === undefined || !q.check(value)) return false;
      values[q.index] = value;
    }
    // Skip logic and required questions, in form order as completenessErrors walks them; a rule
    // on a later question (or on itself) finds it not yet shown, as relevantQuestionIds does.
    const shown: boolean[] = new Array(compiled.length);
    for (const q of compiled) {
      let isShown = true;
      if (q.rule) {
        const target = q.rule.target;
        const seen = target >= 0 && shown[target] === true ? values[target] : undefined;
        isShown = seen !== undefined && q.rule.test(seen);
      }
      shown[q.index] = isShown;
      const value = values[q.index];
      if (isShown ? q.required && (value === undefined || isEmpty(value)) : value !== undefined) return false;
    }
    return true;
  };
}
