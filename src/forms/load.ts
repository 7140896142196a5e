import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { FormSchema, SEX_OPTION_IDS, SEX_QUESTION_ID, questionsOf, type Form } from './schema';

/** Rules a single question cannot check by itself; each returns a sentence, or nothing. */
function formProblems(form: Form): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Form['sections'][number]['questions'][number]>();
  for (const q of questionsOf(form)) {
    if (seen.has(q.id)) problems.push(`question id "${q.id}" is used twice`);
    const hasOptions = q.options !== undefined;
    const needsOptions = q.type === 'single' || q.type === 'multi';
    if (needsOptions && !hasOptions) problems.push(`question "${q.id}" (${q.type}) needs options`);
    if (!needsOptions && hasOptions) problems.push(`question "${q.id}" (${q.type}) cannot have options`);
    const optionIds = (q.options ?? []).map((o) => o.id);
    if (new Set(optionIds).size !== optionIds.length) problems.push(`question "${q.id}" repeats an option id`);
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      problems.push(`question "${q.id}" has min greater than max`);
    }
    if (q.relevant) {
      const target = seen.get(q.relevant.question);
      if (!target) problems.push(`question "${q.id}" depends on "${q.relevant.question}", which is not an earlier question`);
      else if ('includes' in q.relevant && target.type !== 'multi') {
        problems.push(`question "${q.id}" uses "includes" on "${target.id}", which is not a multi question`);
      }
    }
    seen.set(q.id, q);
  }
  const sections = form.sections.map((s) => s.id);
  if (new Set(sections).size !== sections.length) problems.push('a section id is used twice');
  const sex = seen.get(SEX_QUESTION_ID);
  const sexOptions = sex?.options?.map((o) => o.id).join(',');
  if (!sex || sex.type !== 'single' || sexOptions !== SEX_OPTION_IDS.join(',')) {
    problems.push(`every form needs a single-choice "${SEX_QUESTION_ID}" question with options ${SEX_OPTION_IDS.join(', ')}`);
  }
  return problems;
}

// zod/mini ships no messages, so without a locale an unknown type or an extra field reads
// only "Invalid input". English is enough here: definitions are written by developers.
const DEVELOPER_ERRORS = en().localeError;

/** Validates a form definition; throws one clear error naming the form and every problem. */
export function parseForm(input: unknown): Form {
  const name = typeof input === 'object' && input && 'id' in input ? String(input.id) : '(no id)';
  const parsed = FormSchema.safeParse(input, { error: DEVELOPER_ERRORS });
  if (!parsed.success) {
    throw new Error(`Form definition "${name}" is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const problems = formProblems(parsed.data);
  if (problems.length > 0) {
    throw new Error(`Form definition "${name}" is invalid:\n${problems.map((p) => `✖ ${p}`).join('\n')}`);
  }
  return parsed.data;
}
