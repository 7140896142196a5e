import { ResponseState } from './logic';
import { instancesIn, type InstancePath } from './instances';
import { questionsIn, questionsOf, type AnswerValue, type Answers, type Form, type Question } from './schema';

export type { AnswerValue, Answers, FieldValue } from './schema';

/** Whether one question's original rule (`{question, equals|includes|oneOf}`) holds; expressions are ResponseState's. */
export function isRelevant(question: Question, answers: Answers): boolean {
  const rule = question.relevant;
  if (!rule || typeof rule === 'string') return true;
  const value = answers[rule.question];
  if (value === undefined) return false;
  if ('equals' in rule) return value === rule.equals;
  if ('includes' in rule) return Array.isArray(value) && (value as unknown[]).includes(rule.includes);
  return !Array.isArray(value) && rule.oneOf.includes(value);
}

/**
 * Ids of the questions that apply, in form order. A question whose condition's own
 * question is hidden is hidden too, so chains of skip logic collapse together; a question in a
 * group that does not apply does not apply either.
 */
export function relevantQuestionIds(form: Form, answers: Answers, state: ResponseState = new ResponseState(form, answers)): Set<string> {
  const shown = new Set<string>();
  for (const q of questionsOf(form)) if (state.relevant(q.id)) shown.add(q.id);
  return shown;
}

/** The answers that reach storage on finalize: only relevant, answered questions, with calculations as computed, in every repeat instance too. */
export function dropIrrelevant(form: Form, answers: Answers, state: ResponseState = new ResponseState(form, answers)): Answers {
  const keep = (record: Answers, scope: string | undefined, at: InstancePath): Answers => {
    const kept: Answers = {};
    for (const q of questionsIn(form, scope)) {
      if (!state.relevant(q.id, at)) continue;
      if (q.type === 'repeat') {
        // An instance left empty still counts (a household member whose questions did not apply).
        const instances = instancesIn(record, q.id).map((instance, index) => keep(instance, q.id, [...at, { repeat: q.id, index }]));
        if (instances.length > 0) kept[q.id] = instances;
        continue;
      }
      const value = state.value(q.id, at);
      if (value !== undefined && !isEmpty(value)) kept[q.id] = value;
    }
    return kept;
  };
  return keep(answers, undefined, []);
}

/** An empty text or an empty choice list counts as no answer. */
export function isEmpty(value: AnswerValue): boolean {
  return (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}
