// Results by sex in one pass: an accumulator fed one submission at a time, so 10,000 responses
// (or a server's whole table, streamed) are summed without holding them. Pure: no I/O.
import { LIKERT_POINTS } from '../forms/answers';
import { questionsOf, type Form, type Question } from '../forms/schema';
import { SEX_KEYS, type FormResults, type QuestionResult } from './schema';
import { addRepeats, planRepeats, repeatResults } from './repeats';
import { findSexSplit, isSexSplit } from './sex';

/** Question types drawn as answer distributions, and those summed. */
export const CHOICE_TYPES: ReadonlySet<Question['type']> = new Set(['yesno', 'single', 'likert', 'multi']);
export const NUMBER_TYPES: ReadonlySet<Question['type']> = new Set(['integer', 'number']);

/** What `add` needs of a submission: its answers (wire or stored, either will do). */
export interface Answered {
  answers: Readonly<Record<string, unknown>>;
  /** The version answered; needed only when results span versions. */
  formVersion?: number;
}

/** Feed submissions with `add`, read the totals with `result` (as often as wanted). */
export interface ResultsAccumulator {
  add(submission: Answered): void;
  result(): FormResults;
}

const NOT_STATED = SEX_KEYS.indexOf('not_stated');
const zeros = () => SEX_KEYS.map(() => 0);

/** The answer codes of a choice question, in the order they are drawn. */
export function categoriesOf(q: Question): string[] {
  if (q.type === 'yesno') return ['yes', 'no'];
  if (q.type === 'likert') return Array.from({ length: LIKERT_POINTS }, (_, i) => String(i + 1));
  return (q.options ?? []).map((o) => o.id);
}

interface ChoicePlan {
  kind: 'choice';
  covers: number;
  q: Question;
  index: Map<string, number>;
  counts: number[][];
  answered: number[];
}
interface NumberPlan {
  kind: 'number';
  covers: number;
  q: Question;
  sums: number[];
  answered: number[];
}

/** A year (bounded from 1000 up) names a time, not an amount: adding years up means nothing. */
export function isYearQuestion(q: Question): boolean {
  return q.type === 'integer' && q.min !== undefined && q.min >= 1000;
}

function planFor(q: Question): ChoicePlan | NumberPlan | undefined {
  if (NUMBER_TYPES.has(q.type)) return isYearQuestion(q) ? undefined : { kind: 'number', covers: 0, q, sums: zeros(), answered: zeros() };
  if (!CHOICE_TYPES.has(q.type)) return undefined;
  const categories = categoriesOf(q);
  return { kind: 'choice', covers: 0, q, index: new Map(categories.map((c, i) => [c, i])), counts: categories.map(zeros), answered: zeros() };
}

/** Counts one answer; values that fit no category (an older form's option) are left out rather than guessed. */
function addChoice(plan: ChoicePlan, value: unknown, sex: number): void {
  if (Array.isArray(value)) {
    let counted = false;
    for (const code of new Set(value)) {
      const i = plan.index.get(String(code));
      if (i === undefined) continue;
      plan.counts[i]![sex]!++;
      counted = true;
    }
    if (counted) plan.answered[sex]!++;
    return;
  }
  const i = plan.index.get(String(value));
  if (i === undefined) return;
  plan.counts[i]![sex]!++;
  plan.answered[sex]!++;
}

/** How one version's answers tell the sex series: its sex question, and each answer code's index in SEX_KEYS. */
interface VersionSplit {
  questionId: string;
  index: ReadonlyMap<unknown, number>;
}

function versionSplit(form: Form): VersionSplit | undefined {
  const found = findSexSplit(form);
  if (!isSexSplit(found)) return undefined;
  return { questionId: found.question.id, index: new Map([...found.codes].map(([option, code]) => [option, SEX_KEYS.indexOf(code)])) };
}

/**
 * A fresh accumulator laid out by `form`, then the questions only `older` versions had; answers
 * to questions none of them has are ignored. Across versions, questions are matched by id and
 * each counts the responses whose version asks it.
 */
export function createAccumulator(form: Form, older: readonly Form[] = []): ResultsAccumulator {
  const newestFirst = [form, ...[...older].sort((a, b) => b.version - a.version)];
  const seen = new Set(questionsOf(form).map((q) => q.id));
  const olderOnly = newestFirst.slice(1).flatMap((f) => questionsOf(f).filter((q) => !seen.has(q.id) && seen.add(q.id)));
  // Each version is split by its own sex question and option words (they may differ between versions).
  const splits = new Map(newestFirst.map((f) => [f.version, versionSplit(f)]));
  const sexQuestion = newestFirst.map((f) => splits.get(f.version)?.questionId).find((id) => id !== undefined) ?? null;
  // A sex question is the split itself, shown as the response count by sex, not as a chart.
  const splitIds = new Set(newestFirst.flatMap((f) => splits.get(f.version)?.questionId ?? []));
  const plans = [...questionsOf(form), ...olderOnly].flatMap((q) => (splitIds.has(q.id) ? [] : (planFor(q) ?? [])));
  const asked = older.length === 0 ? undefined : new Map([form, ...older].map((f) => [f.version, new Set(questionsOf(f).map((q) => q.id))]));
  const current = splits.get(form.version);
  // Questions inside repeats are not charted (yet); each repeat's instances are counted.
  const repeats = planRepeats(newestFirst);
  let total = 0;
  const bySex = zeros();
  return {
    add({ answers, formVersion }) {
      // A version not given (or not known here) is read as the current one, as before versions.
      const split = formVersion === undefined || !splits.has(formVersion) ? current : splits.get(formVersion);
      const sex = split ? (split.index.get(answers[split.questionId]) ?? NOT_STATED) : NOT_STATED;
      total++;
      bySex[sex]!++;
      addRepeats(repeats, answers, sex);
      const questions = asked?.get(formVersion ?? form.version);
      for (const plan of plans) {
        if (!asked || questions?.has(plan.q.id)) plan.covers++;
        const value = answers[plan.q.id];
        if (value === undefined) continue;
        if (plan.kind === 'choice') addChoice(plan, value, sex);
        else if (typeof value === 'number' && Number.isFinite(value)) {
          plan.sums[sex]! += value;
          plan.answered[sex]!++;
        }
      }
    },
    result() {
      const questions: QuestionResult[] = plans.map((p) => {
        const covers = p.covers === total ? {} : { covers: p.covers };
        return p.kind === 'choice'
          ? { kind: 'choice', questionId: p.q.id, categories: [...p.index.keys()], counts: p.counts.map((row) => [...row]), answered: [...p.answered], ...covers }
          : { kind: 'number', questionId: p.q.id, sums: [...p.sums], answered: [...p.answered], ...covers };
      });
      // No key for a form without repeats, so its results keep their shape.
      const withRepeats = repeats.length > 0 ? { repeats: repeatResults(repeats) } : {};
      return { formId: form.id, formVersion: form.version, total, bySex: [...bySex], sexQuestion, questions, ...withRepeats };
    },
  };
}

/** Results of a whole list at once (tests, small sets). */
export function aggregate(form: Form, submissions: Iterable<Answered>): FormResults {
  const accumulator = createAccumulator(form);
  for (const s of submissions) accumulator.add(s);
  return accumulator.result();
}
